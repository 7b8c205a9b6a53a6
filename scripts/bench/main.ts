/**
 * Speed measurements, printed as numbers: `npm run bench` (full size) or `npm run bench -- --quick`
 * (a tenth of the size). Each section builds its own data in a temporary folder.
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

const quick = process.argv.includes('--quick');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-'));
console.log(`Bulletin Desk benchmark${quick ? ' (--quick)' : ''} — Node ${process.version}, ${os.cpus().length} cores`);
try {
  console.log('\n[Word output]');
  for (const line of await benchWord(dir, quick)) console.log(line);
  console.log('\n[Search]');
  for (const line of await benchSearch(dir, quick)) console.log(line);
  console.log('\n[Scores]');
  for (const line of await benchScores(dir, quick)) console.log(line);
  console.log('\n[Packets]');
  for (const line of await benchPackets(dir, quick)) console.log(line);
  console.log('\n[Intake]');
  for (const line of await benchIntake(dir, quick)) console.log(line);
  console.log('\n[Backups and checks]');
  for (const line of await benchBackup(dir, quick)) console.log(line);
  console.log(`\npeak memory (RSS): ${peakRssMb().toFixed(0)} MB`);
} finally {
  if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  else console.log('kept', dir);
}
