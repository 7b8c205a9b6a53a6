/**
 * Scoring a year of a busy county: 60 units, 5,000 drafts, 480 signed issues of 4 items, a few
 * thousand adoptions upward, instructions, commissions, deductions and monthly targets (a tenth of
 * the drafts and issues with --quick). The fixture is written with plain SQL; the measured calls
 * go through the API table as the UI and the CLI make them.
 */
import path from 'node:path';
import { dispatch } from '../../src-main/wiring/dispatch';
import { createCtx } from '../../src-main/services/context';
import { openDatabase, type DB } from '../../src-main/store/db';
import { flushSearchQueue } from '../../src-main/store/search-queue';
import { goalLine, ms, row, stats, time } from './stats';

const YEAR = 2025;
const UNITS = 60;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function day(random: () => number): string {
  const d = new Date(Date.UTC(YEAR, 0, 1) + Math.floor(random() * 365) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export interface Sizes {
  drafts: number;
  issues: number;
  adoptions: number;
  instructions: number;
}

export function build(db: DB, size: Sizes): void {
  const random = lcg(7);
  const now = `${YEAR}-01-01T00:00:00.000Z`;
  const paragraphs = '[{"level":0,"text":"正文。"}]';
  db.prepare("INSERT INTO series (name, org, created_at, updated_at) VALUES ('清源县政务信息', '清源县人民政府办公室', ?, ?)").run(now, now);
  const insertUnit = db.prepare('INSERT INTO units (name, created_at, updated_at) VALUES (?, ?, ?)');
  for (let u = 1; u <= UNITS; u++) insertUnit.run(`单位${u}`, now, now);
  const unit = () => 1 + Math.floor(random() * UNITS);

  const insertSubmission = db.prepare(
    "INSERT INTO submissions (unit_id, received_date, title, paragraphs, original_format, created_at, updated_at) VALUES (?, ?, '来稿', ?, 'typed', ?, ?)",
  );
  for (let i = 0; i < size.drafts; i++) insertSubmission.run(unit(), day(random), paragraphs, now, now);

  const insertArticle = db.prepare('INSERT INTO articles (title, paragraphs, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const articles = Math.max(size.issues * 4, 2000);
  for (let i = 1; i <= articles; i++) insertArticle.run(`信息${i}`, paragraphs, unit(), now, now);
  // one in twenty items combines two units' material
  const insertExtra = db.prepare('INSERT OR IGNORE INTO article_units (article_id, unit_id) VALUES (?, ?)');
  for (let i = 1; i <= articles; i += 20) insertExtra.run(i, unit());

  const insertIssue = db.prepare("INSERT INTO issues (series_id, status, date, created_at, updated_at) VALUES (1, 'review', ?, ?, ?)");
  const link = db.prepare('INSERT INTO issue_articles (issue_id, article_id, position) VALUES (?, ?, ?)');
  const sign = db.prepare("UPDATE issues SET status = 'signed', number = ?, total_number = ?, signed_by = '张建国', signed_at = ? WHERE id = ?");
  for (let n = 1; n <= size.issues; n++) {
    const date = new Date(Date.UTC(YEAR, 0, 1) + Math.floor(((n - 1) * 365) / size.issues) * 86_400_000).toISOString().slice(0, 10);
    const id = Number(insertIssue.run(date, now, now).lastInsertRowid);
    for (let p = 1; p <= 4; p++) link.run(id, (n - 1) * 4 + p, p);
    sign.run(n, n, now, id);
  }

  const insertAdoption = db.prepare(
    'INSERT OR IGNORE INTO adoptions (article_id, publication, level, kind, date, issue_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const kinds: [string, string, string][] = [
    ['每日要情', 'county', 'daily'],
    ['县政府网站', 'county', 'web'],
    ['政务信息快报', 'city', 'single'],
    ['政务信息快报', 'city', 'research'],
    ['省政务信息', 'province', 'single'],
  ];
  for (let i = 0; i < size.adoptions; i++) {
    const [publication, level, kind] = kinds[Math.floor(random() * kinds.length)]!;
    insertAdoption.run(1 + Math.floor(random() * articles), publication, level, kind, day(random), `第${i}期`, now);
  }
  const insertInstruction = db.prepare('INSERT INTO instructions (article_id, level, leader, date, created_at) VALUES (?, ?, ?, ?, ?)');
  const levels = ['county', 'city', 'province'];
  for (let i = 0; i < size.instructions; i++) insertInstruction.run(1 + Math.floor(random() * articles), levels[i % 3], '领导', day(random), now);

  const insertCommission = db.prepare('INSERT INTO commissions (topic, deadline, created_at) VALUES (?, ?, ?)');
  const insertAsked = db.prepare('INSERT OR IGNORE INTO commission_units (commission_id, unit_id, answered_date) VALUES (?, ?, ?)');
  for (let c = 0; c < 48; c++) {
    const deadline = day(random);
    const id = Number(insertCommission.run(`约稿${c}`, deadline, now).lastInsertRowid);
    for (let k = 0; k < 12; k++) insertAsked.run(id, unit(), random() < 0.15 ? null : day(random));
  }
  const insertDeduction = db.prepare('INSERT INTO deductions (unit_id, points, reason, date, created_at) VALUES (?, ?, ?, ?, ?)');
  for (let i = 0; i < 200; i++) insertDeduction.run(unit(), 30 + Math.floor(random() * 70), '扣分', day(random), now);
  const insertTarget = db.prepare('INSERT INTO unit_targets (unit_id, valid_from, monthly, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (let u = 1; u <= UNITS; u++) insertTarget.run(u, `${YEAR}-01-01`, 5 + (u % 4), now, now);
}

export async function benchScores(dir: string, quick: boolean): Promise<string[]> {
  const size: Sizes = quick
    ? { drafts: 500, issues: 48, adoptions: 300, instructions: 30 }
    : { drafts: 5000, issues: 480, adoptions: 3000, instructions: 300 };
  const db = openDatabase(path.join(dir, 'scores.db'));
  db.pragma('synchronous = OFF'); // building the fixture only; the measured calls are reads
  const t0 = performance.now();
  // raw inserts leave migration 18's search queue to fill: indexed here, not in the first measured write
  db.transaction(() => {
    build(db, size);
    flushSearchQueue(db);
  }).immediate();
  const buildMs = performance.now() - t0;
  db.pragma('synchronous = FULL');
  const ctx = createCtx(db, () => new Date(YEAR + 1, 0, 15));
  const year = { period: 'year' as const, year: YEAR };

  const rows = await dispatch(ctx, 'score', year);
  // CPU time beside the wall clock: on a shared machine the wall clock also counts waiting.
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
  const scoreOnly = await cpu(30, () => dispatch(ctx, 'score', year));
  const report = await cpu(30, () => dispatch(ctx, 'scoreReport', year));
  const quarter = await cpu(30, () => dispatch(ctx, 'score', { period: 'quarter', year: YEAR, n: 3 }));
  const files = await cpu(30, () => dispatch(ctx, 'circularFiles', year));
  const r = await dispatch(ctx, 'scoreReport', year);
  db.close();
  return [
    `fixture: ${UNITS} units, ${size.drafts} drafts, ${size.issues} signed issues × 4 items, ~${size.adoptions} adoptions upward, ${size.instructions} instructions, 48 commissions, 200 deductions (built in ${ms(buildMs)})`,
    `scored ${rows.length} units: ${r.totals.sent} drafts, ${r.totals.adoptions} adoptions of ${r.totals.adoptedItems} items, net ${r.totals.net} points`,
    row('score a year (all units, ranked)', ...scoreOnly),
    row('score report a year (+ monthly trend)', ...report),
    row('score a quarter', ...quarter),
    row('circular a year (docx + xlsx, in memory)', ...files),
    goalLine('circular a year, median (docx + xlsx)', files[0].median, '<=', 500, 'ms'),
  ];
}
