/**
 * Answers `bulletin --help`, `--version` and `bulletin issue --help` from the help table the build
 * wrote beside the bundle (dist/main/cli-help.json), without loading the program: every command
 * would otherwise pay for the whole API table, zod and every schema before printing a line
 * (issue 14: commands start at once). The same decisions as runCli (main.ts) makes for these
 * arguments; anything else — an option, a real command, a mistake — returns null and the
 * program proper answers it. test/cli-startup.test.ts checks both give the same text.
 */
import type { HelpTable } from './help';

export function fastAnswer(argv: readonly string[], table: HelpTable): string | null {
  let json = false;
  let help = false;
  let version = false;
  const words: string[] = [];
  for (const a of argv) {
    if (a === '--json') json = true;
    else if (a === '-h' || a === '--help') help = true;
    else if (a === '--version') version = true;
    else if (a.startsWith('-') || a === '') return null;
    else words.push(a);
  }
  if (version) {
    return json
      ? JSON.stringify({ version: table.version, schemaVersion: table.schemaVersion })
      : `bulletin ${table.version}（数据版本 ${table.schemaVersion}）`;
  }
  // The longest command whose words begin the arguments, as findCommand does.
  let best: string[] | undefined;
  for (const c of table.commands) {
    const path = c.split(' ');
    if (path.every((w, i) => words[i] === w) && (!best || path.length > best.length)) best = path;
  }
  if (best) return help ? (table.texts[best.join(' ')] ?? null) : null;
  if (words.length === 0) return table.texts[''] ?? null;
  const group = words[0]!;
  const isGroup = table.commands.some((c) => c.split(' ')[0] === group);
  return isGroup && (help || words.length === 1) ? (table.texts[group] ?? null) : null;
}
