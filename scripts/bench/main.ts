/**
 * Speed measurements, printed as numbers: `npm run bench` (full size) or `npm run bench -- --quick`
 * (a tenth of the size); `-- --only word` runs the sections whose title has that word. Each
 * section builds its own data in a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { peakRssMb } from './stats';
import { benchWord } from './word';
import { benchPackets } from './packets';
import { benchSearch } from './search';
import { benchScores } from './scores';
import { benchIntake } from './intake';
import { benchBackup } from './backup';
import { benchUi } from './ui';

/** In the order they print; each returns its lines. */
const SECTIONS: [string, (dir: string, quick: boolean) => Promise<string[]>][] = [
  ['Word output', benchWord],
  ['Search', benchSearch],
  ['Scores', benchScores],
  ['Packets', benchPackets],
  ['Intake', benchIntake],
  ['Backups and checks', benchBackup],
  ['The window (Chromium)', benchUi],
];

const quick = process.argv.includes('--quick');
// `--only WORD`: just the sections whose title contains WORD (e.g. --only window).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? (process.argv[onlyAt + 1] ?? '').toLowerCase() : '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-'));
console.log(`Bulletin Desk benchmark${quick ? ' (--quick)' : ''} — Node ${process.version}, ${os.cpus().length} cores`);
try {
  for (const [title, bench] of SECTIONS) {
    if (only && !title.toLowerCase().includes(only)) continue;
    console.log(`\n[${title}]`);
    for (const line of await bench(dir, quick)) console.log(line);
  }
  console.log(`\npeak memory (RSS): ${peakRssMb().toFixed(0)} MB`);
} finally {
  if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  else console.log('kept', dir);
}
