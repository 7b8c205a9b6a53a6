/**
 * The first page of every list (issue 14: ≤ 20 ms in-process at 100k), as the tables ask for it:
 * the default order, a page of 100 and the total, through the API table. The shared archive
 * (10,000 signed issues, 100,000 items) is copied and given what it lacks with plain SQL: a
 * register of drafts as large as the items, hand-entered adoptions and instructions, packets and
 * an audit log (a tenth of each with --quick).
 */
import { dispatch } from '../../src-main/wiring/dispatch';
import type { OpName } from '../../src-main/api/contract';
import { createCtx } from '../../src-main/services/context';
import { openDatabase, type DB } from '../../src-main/store/db';
import { flushSearchQueue } from '../../src-main/store/search-queue';
import { archiveCopy, sharedArchive } from './archive';
import { goalLine, MIN_SAMPLES, row, time } from './stats';

const PAGE = 100;

function fill(db: DB, items: number): void {
  const now = '2026-06-01T08:00:00.000Z';
  const paragraphs = '[{"level":0,"text":"正文。"}]';
  const day = (i: number) => new Date(Date.UTC(2016, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
  db.transaction(() => {
    const sub = db.prepare(
      "INSERT INTO submissions (unit_id, received_date, title, paragraphs, original_format, created_at, updated_at) VALUES (?, ?, ?, ?, 'typed', ?, ?)",
    );
    for (let i = 0; i < items; i++) sub.run(i % 7 === 0 ? null : 1 + (i % 60), day(i), `来稿${i}`, paragraphs, now, now);
    const adoption = db.prepare(
      "INSERT INTO adoptions (article_id, publication, level, kind, date, issue_ref, created_at) VALUES (?, '市政务信息', 'city', 'single', ?, ?, ?)",
    );
    const instruction = db.prepare("INSERT INTO instructions (article_id, level, leader, date, text, created_at) VALUES (?, 'county', '县长', ?, '', ?)");
    for (let i = 0; i < items / 20; i++) {
      adoption.run(1 + ((i * 37) % items), day(i * 3), `第${i}期`, now);
      instruction.run(1 + ((i * 53) % items), day(i * 5), now);
    }
    const packet = db.prepare(
      `INSERT INTO packets (created_at, created_by, file_name, path, sha256, size, manifest, issue_count, article_count)
       VALUES (?, '王某', ?, '/tmp/p.zip', ?, 1000, '{"issues":[],"articles":[{"id":1,"title":"t"}]}', 0, 1)`,
    );
    for (let i = 0; i < items / 100; i++) packet.run(`${day(i)}T08:00:00.000Z`, `上报包${i}.zip`, 'a'.repeat(64));
    const audit = db.prepare("INSERT INTO audit_log (at, operator, operation, object, summary, detail) VALUES (?, '王某', 'articleEdit', ?, '修改信息', '{}')");
    for (let i = 0; i < items; i++) audit.run(`${day(i)}T08:00:00.000Z`, `article:${1 + i}`);
    flushSearchQueue(db); // the instructions' search entries, as the app would have written them
  })();
}

export async function benchLists(dir: string, quick: boolean): Promise<string[]> {
  const archive = sharedArchive(dir, quick);
  const db = openDatabase(archiveCopy(dir, quick, 'lists.db'));
  fill(db, archive.items);
  const ctx = createCtx(db);
  const lines = [`archive: ${archive.issues} issues, ${archive.items} items, as many drafts and log entries; page of ${PAGE}, default order, with the total`];
  const lists: [string, OpName, Record<string, unknown>][] = [
    ['期刊 (issues of a series)', 'issueList', { series: 1 }],
    ['归档 (signed and voided)', 'issueList', { archived: true }],
    ['稿件 (items)', 'articleList', {}],
    ['稿件, not yet used (composer)', 'articleList', { used: false, forSeries: 1 }],
    ['来稿 (drafts)', 'submissionList', {}],
    ['上报登记 (packets)', 'packetList', {}],
    ['采用 (adoptions)', 'adoptionList', {}],
    ['批示 (instructions)', 'instructionList', {}],
    ['操作日志 (audit log)', 'auditList', {}],
  ];
  try {
    for (const [label, op, input] of lists) {
      const run = () => dispatch(ctx, op, { ...input, limit: PAGE } as never);
      await run(); // the first call prepares statements and warms the cache, as the window's first visit does
      const s = await time(Math.max(MIN_SAMPLES, 40), run);
      lines.push(row(`first page: ${label}`, s));
      lines.push(goalLine(`first page p95: ${label}`, s.p95, '<=', 20));
    }
  } finally {
    db.close();
  }
  return lines;
}
