/**
 * Process entry of the `bulletin` command (bundled to dist/main/cli.cjs): a help or version
 * request is answered from the help table beside it (fast-help.ts); everything else runs the
 * program proper (dist/main/cli-main.cjs, from index.ts) through V8's code cache (code-cache.ts).
 * Where the table is missing or unreadable, the program answers, as it always could.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cacheFolder, runCached } from './code-cache';
import { fastAnswer } from './fast-help';
import type { HelpTable } from './help';

function readTable(): HelpTable | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, 'cli-help.json'), 'utf8')) as HelpTable;
  } catch {
    return null;
  }
}

const table = readTable();
const answer = table ? fastAnswer(process.argv.slice(2), table) : null;
if (answer !== null) process.stdout.write(answer.endsWith('\n') ? answer : `${answer}\n`);
else {
  // Through V8's code cache (code-cache.ts). Stored as soon as the program is loaded, not when
  // the process ends: the same cache whichever command comes first, and not one swollen by a
  // whole day of `bulletin web` (a quarter larger after `demo`, and every command would load it).
  runCached(path.join(__dirname, 'cli-main.cjs'), cacheFolder()).save();
}
