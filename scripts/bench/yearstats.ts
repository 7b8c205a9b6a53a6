/**
 * 年度统计 of a busy county: the scores bench's county (60 units, 5,000 drafts, 480 signed issues
 * of 4 items, adoptions, instructions, commissions, deductions, targets; a tenth with --quick)
 * with packets sent upward added. Measured through the API table as the UI and the CLI call it:
 * the figures alone (statsYear), and the whole report — figures, Word and Excel (statsYearFiles).
 */
import path from 'node:path';
import { dispatch } from '../../src-main/wiring/dispatch';
import { createCtx } from '../../src-main/services/context';
import { openDatabase, type DB } from '../../src-main/store/db';
import { build, type Sizes } from './scores';
import { goalLine, ms, row, stats, time } from './stats';

const YEAR = 2025;

/** One packet every few days: a signed issue and three items alone. */
function addPackets(db: DB, count: number): void {
  const sha = 'b'.repeat(64);
  const insert = db.prepare(
    "INSERT INTO packets (created_at, file_name, path, sha256, size, manifest, issue_count, article_count) VALUES (?, 'packet.zip', '/tmp/packet.zip', ?, 1000, '{}', 1, 3)",
  );
  const item = db.prepare('INSERT OR IGNORE INTO packet_items (packet_id, kind, ref_id, sha256) VALUES (?, ?, ?, ?)');
  const issues = (db.prepare("SELECT count(*) AS n FROM issues WHERE status = 'signed'").get() as { n: number }).n;
  for (let p = 0; p < count; p++) {
    const at = new Date(Date.UTC(YEAR, 0, 1, 2) + Math.floor((p * 360) / count) * 86_400_000).toISOString();
    const id = Number(insert.run(at, sha).lastInsertRowid);
    item.run(id, 'issue', 1 + (p % issues), sha);
    for (let k = 0; k < 3; k++) item.run(id, 'article', 1 + ((p * 7 + k * 131) % 2000), sha);
  }
}

export async function benchYearStats(dir: string, quick: boolean): Promise<string[]> {
  const size: Sizes = quick
    ? { drafts: 500, issues: 48, adoptions: 300, instructions: 30 }
    : { drafts: 5000, issues: 480, adoptions: 3000, instructions: 300 };
  const packets = quick ? 12 : 120;
  const db = openDatabase(path.join(dir, 'yearstats.db'));
  db.pragma('synchronous = OFF'); // building the fixture only; the measured calls are reads
  const t0 = performance.now();
  db.transaction(() => {
    build(db, size);
    addPackets(db, packets);
  }).immediate();
  const buildMs = performance.now() - t0;
  db.pragma('synchronous = FULL');
  const ctx = createCtx(db, () => new Date(YEAR + 1, 0, 15));
  const year = { year: YEAR };

  const cpu = async (times: number, fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    const wall = await time(times, async () => {
      const c0 = process.cpuUsage();
      await fn();
      const c = process.cpuUsage(c0);
      samples.push((c.user + c.system) / 1000);
    });
    return [wall, `cpu median ${ms(stats(samples).median)}`] as const;
  };
  const s = await dispatch(ctx, 'statsYear', year);
  const figures = await cpu(30, () => dispatch(ctx, 'statsYear', year));
  const files = await cpu(30, () => dispatch(ctx, 'statsYearFiles', year));
  db.close();
  return [
    `fixture: ${s.units.length} units, ${s.received} drafts, ${s.issues.signed} signed issues with ${s.issues.items} items (${s.issues.chars} characters), ${s.upward.items} items in ${s.upward.packets} packets, ${s.totals.adoptions} adoptions, ${s.instructions.total} instructions (built in ${ms(buildMs)})`,
    row('year figures (statsYear)', ...figures),
    row('year report: figures + Word + Excel, in memory (statsYearFiles)', ...files),
    goalLine('year report, median (figures + docx + xlsx)', files[0].median, '<=', 2000, 'ms'),
  ];
}
