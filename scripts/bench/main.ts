/**
 * Speed measurements, printed as numbers: `npm run bench` (full size) or `npm run bench -- --quick`
 * (a tenth of the size); `-- --only word` runs the sections whose title has that word;
 * `-- --json FILE` writes every goal and figure as JSON too. Sections share one archive of
 * 100,000 items (archive.ts, built once per run) or build their own data in the temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { enterSection, GOALS, peakRssMb, goalLine } from './stats';
import { benchWord } from './word';
import { benchPackets } from './packets';
import { benchSearch } from './search';
import { benchScores } from './scores';
import { benchIntake } from './intake';
import { benchBackup } from './backup';
import { benchUi } from './ui';
import { benchMemory } from './memory';
import { benchYearExport } from './year-export';
import { benchLists } from './lists';
import { benchProof } from './proof';
import { benchStartup } from './startup';
import { benchYearStats } from './yearstats';
import { benchAdoptionMatch } from './adoption-match';
// issue 16 parts 4–5
import { benchLiaison } from './liaison';

/** In the order they print; each returns its lines. */
const SECTIONS: [string, (dir: string, quick: boolean) => Promise<string[]>][] = [
  ['Word output', benchWord],
  ['Search', benchSearch],
  ['Scores', benchScores],
  ['Packets', benchPackets],
  ['Intake', benchIntake],
  ['Lists', benchLists],
  ['Backups and checks', benchBackup],
  ['The window (Chromium)', benchUi],
  ['Main-process memory', benchMemory],
  ['Year export', benchYearExport],
  ['Proofreading', benchProof],
  ['Start-up and checks', benchStartup],
  ['Yearstats (年度统计)', benchYearStats],
  ['Adoption list matching', benchAdoptionMatch],
  // issue 16 parts 4–5
  ['Liaison officers and urgent events (信息员、紧急信息)', benchLiaison],
];

const quick = process.argv.includes('--quick');
// `--only WORD`: just the sections whose title contains WORD (e.g. --only window).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? (process.argv[onlyAt + 1] ?? '').toLowerCase() : '';
const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-'));
const started = performance.now();
const printed: Record<string, string[]> = {};
const failed: string[] = [];
console.log(`Bulletin Desk benchmark${quick ? ' (--quick)' : ''} — Node ${process.version}, ${os.cpus().length} cores`);
try {
  for (const [title, bench] of SECTIONS) {
    if (only && !title.toLowerCase().includes(only)) continue;
    console.log(`\n[${title}]`);
    enterSection(title);
    const sectionStarted = performance.now();
    // A section that fails (a busy machine timing out a browser, say) is reported and the run goes
    // on: the other sections' figures still answer.
    const lines = await bench(dir, quick).catch((e: unknown) => {
      failed.push(title);
      return [`section failed: ${(e as Error).message?.split('\n')[0] ?? String(e)}`];
    });
    printed[title] = lines;
    for (const line of lines) console.log(line);
    // where the run's minutes go (the ten-minute goal)
    console.log(`(section took ${((performance.now() - sectionStarted) / 1000).toFixed(0)} s)`);
  }
  enterSection('whole run');
  const minutes = (performance.now() - started) / 60_000;
  // The bench process builds the fixtures too: its peak is not the app's (see 'Main-process memory').
  console.log(`\nbench process peak memory (RSS, fixture builds included): ${peakRssMb().toFixed(0)} MB; whole run ${minutes.toFixed(1)} min`);
  if (!only && !quick) console.log(goalLine('the whole bench at full size', minutes, '<=', 10, 'min'));
  console.log('\n[Goals]');
  for (const g of GOALS) console.log(`${g.met ? '达标  ' : '未达标'} ${g.section}: ${g.label} = ${g.value.toFixed(2)} ${g.unit} (目标 ${g.op === '<=' ? '≤' : '≥'} ${g.limit} ${g.unit})`);
  const missed = GOALS.filter((g) => !g.met).length;
  console.log(`${GOALS.length - missed}/${GOALS.length} 达标`);
  if (failed.length) console.log(`sections that failed (their goals are not in the list): ${failed.join(', ')}`);
  if (failed.length) process.exitCode = 1;
  if (jsonFile) {
    const report = { quick, node: process.version, cores: os.cpus().length, minutes, peakRssMb: peakRssMb(), goals: GOALS, failed, sections: printed };
    fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`written ${jsonFile}`);
  }
} finally {
  if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  else console.log('kept', dir);
}
