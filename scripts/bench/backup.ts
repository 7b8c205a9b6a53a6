/**
 * Data safety costs: the start-up check (quick_check at open) against a plain open, a full
 * integrity_check, the archive verify (every stored file hashed again, the seal chain), an online
 * backup and a restore of a database of office size (full: about 40,000 items and a year of
 * archived Word files, some 250 MB; --quick: a tenth), and what the log line per API call adds;
 * then stopping during a backup of the 100k archive (backup-stop.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../../src-main/wiring/dispatch';
import { writeBackup } from '../../src-main/backup/create';
import { inspectDatabaseFile } from '../../src-main/store/inspect';
import { restoreDatabase } from '../../src-main/backup/restore';
import { createLogger } from '../../src-main/log/logger';
import { createCtx } from '../../src-main/services/context';
import { openDatabase } from '../../src-main/store/db';
import { sealExistingArchive, verifyArchive } from '../../src-main/store/seal';
import { benchBackupStop } from './backup-stop';
import { MIN_SAMPLES, ms, row, time } from './stats';

/** Fills the file through plain SQL (the API would take minutes): items, and issues' archived files. */
function fill(file: string, items: number): void {
  openDatabase(file).close();
  const db = new Database(file);
  const now = new Date().toISOString();
  const text = '今年以来，城关镇坚持以人民为中心的发展思想，统筹推进老旧小区改造、背街小巷整治和公共服务设施补短板，累计投入资金1.5亿元。';
  db.transaction(() => {
    const series = db.prepare("INSERT INTO series (name, created_at, updated_at) VALUES ('清源县政务信息', ?, ?)").run(now, now).lastInsertRowid;
    const article = db.prepare('INSERT INTO articles (title, paragraphs, created_at, updated_at) VALUES (?, ?, ?, ?)');
    for (let i = 0; i < items; i++) {
      const paragraphs = Array.from({ length: 12 }, (_, k) => ({ level: 0, text: `${text}（第${i}条第${k}段）` }));
      article.run(`第${i}条信息`, JSON.stringify(paragraphs), now, now);
    }
    // a signed issue with its archived file for every 100 items: ~40 KB of Word each
    const issue = db.prepare("INSERT INTO issues (series_id, status, date, created_at, updated_at) VALUES (?, 'review', '2026-06-01', ?, ?)");
    const link = db.prepare('INSERT INTO issue_articles (issue_id, article_id, position) VALUES (?, ?, 1)');
    const sign = db.prepare("UPDATE issues SET status = 'signed', number = ?, total_number = ?, signed_by = '张某某', signed_at = ? WHERE id = ?");
    const archive = db.prepare('INSERT INTO issue_files (issue_id, docx, sha256, size, created_at) VALUES (?, ?, ?, ?, ?)');
    for (let n = 1; n <= Math.floor(items / 100); n++) {
      const id = Number(issue.run(series, now, now).lastInsertRowid);
      link.run(id, n * 100);
      sign.run(n, n, now, id);
      const docx = crypto.randomBytes(40 * 1024);
      archive.run(id, docx, crypto.createHash('sha256').update(docx).digest('hex'), docx.length, now);
    }
    // as signing would have: one link of the archive's seal per signed issue
    sealExistingArchive(db);
  })();
  db.close();
}

export async function benchBackup(dir: string, quick: boolean): Promise<string[]> {
  const file = path.join(dir, 'backup', 'bulletin.db');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fill(file, quick ? 4_000 : 40_000);
  const mb = fs.statSync(file).size / 1024 / 1024;
  const runs = quick ? 3 : 5;

  // Whole-file operations are timed a few times (each reads the whole file); quick ones MIN_SAMPLES times.
  const many = Math.max(runs, MIN_SAMPLES);
  const plain = await time(many, () => new Database(file, { readonly: true }).close());
  const open = await time(runs, () => openDatabase(file, { integrityCheck: 'at-open' }).close());
  const openWrite = await time(many, () => openDatabase(file).close());
  const quickCheck = await time(runs, () => {
    const db = new Database(file, { readonly: true });
    db.pragma('quick_check(1)');
    db.close();
  });
  const integrity = await time(runs, () => {
    const db = new Database(file, { readonly: true });
    db.pragma('integrity_check(1)');
    db.close();
  });

  const verify = await time(runs, () => {
    const db = new Database(file, { readonly: true });
    if (!verifyArchive(db).ok) throw new Error('the benchmark archive does not verify');
    db.close();
  });

  const src = openDatabase(file);
  const out = path.join(dir, 'backup', 'copies');
  const made: string[] = [];
  const backup = await time(runs, async (i) => {
    made.push((await writeBackup(src, out, 'manual', new Date(2026, 0, 1, 0, 0, i))).path);
  });
  const header = await time(many, (i) => inspectDatabaseFile(made[i % made.length]!, 'header'));
  src.close();

  let current = openDatabase(file);
  const restore = await time(runs, async (i) => {
    current = (await restoreDatabase({ livePath: file, source: made[i]!, current, now: new Date(2027, 0, 1, 0, 0, i) })).db;
  });
  current.close();

  const calls = quick ? 2_000 : 10_000;
  const logDir = path.join(dir, 'backup', 'logdir');
  const ctx = createCtx(openDatabase(path.join(dir, 'backup', 'small.db')));
  const bare = await time(calls, () => dispatch(ctx, 'seriesList', {}));
  ctx.logger = createLogger(logDir);
  const logged = await time(calls, () => dispatch(ctx, 'seriesList', {}));
  ctx.db.close();

  const rate = (s: { median: number }) => `${(mb / (s.median / 1000)).toFixed(0)} MB/s`;
  return [
    `database: ${mb.toFixed(0)} MB`,
    row('open, plain (no checks)', plain),
    row('open through openDatabase (with quick_check)', open),
    row('open for writing after a clean close (no check)', openWrite),
    row('quick_check alone', quickCheck, rate(quickCheck)),
    row('integrity_check (restore, backup list --verify)', integrity, rate(integrity)),
    row(`archive verify (${Math.floor((quick ? 4_000 : 40_000) / 100)} stored files + seal chain)`, verify, rate(verify)),
    row('online backup (copy + DELETE mode + quick_check)', backup, rate(backup)),
    row('list: header check of one backup', header),
    row('restore (check, archive verify, migrate, undo copy, swap, open)', restore),
    row('API call without the log (seriesList)', bare),
    row('API call with the log line', logged, `+${ms(logged.median - bare.median)} per call`),
    // issue 14: on the 100k archive, as the doors copy it
    ...(await benchBackupStop(dir, quick)),
  ];
}
