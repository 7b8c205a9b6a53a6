/**
 * `bulletin demo`: a fresh database in the output folder, filled with the fictional county,
 * one issue composed, reviewed, signed and written as a Word file — all through the API table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../wiring/dispatch';
import type { OpInput, OpName, OpResult } from '../api/contract';
import { createCtx, localDate } from '../services/context';
import { openDatabase } from '../store/db';
// the follow-up records (issue 16, branch dash)
import { fillFollowup } from './followup';
import { fillLiaison } from './liaison';
import { DEMO_ARTICLES, DEMO_DATE, DEMO_PENDING_DRAFTS, DEMO_PRINT, DEMO_SERIES, DEMO_SHORT_NAMES, DEMO_SIGNER, DEMO_UNITS } from './county';
import { shiftDays } from './days';

export interface DemoResult {
  dir: string;
  database: string;
  docx: string;
  sha256: string;
  series: string;
  issue: { id: number; number: number; totalNumber: number | null; date: string; articles: number };
  units: number;
  articles: number;
}

export const DEMO_DB_NAME = 'demo.db';

/** Only the demo's own files are replaced; anything else in the folder is left alone. */
function clearPreviousDemo(dir: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, `${DEMO_DB_NAME}${suffix}`), { force: true });
}

/** Who 提交审核 and 签发登记 in the demo. */
export const DEMO_CLERK = '李文静';

export async function runDemo(outDir: string): Promise<DemoResult> {
  const dir = path.resolve(outDir);
  fs.mkdirSync(dir, { recursive: true });
  clearPreviousDemo(dir);
  const database = path.join(dir, DEMO_DB_NAME);
  const db = openDatabase(database, { createFolder: true });
  const ctx = createCtx(db);
  // The demo's work is done by the section's clerk: the issue page and 操作日志 name a person, not the OS account.
  ctx.operator = DEMO_CLERK;
  const call = <K extends OpName>(name: K, input: OpInput<K>): Promise<OpResult<K>> => dispatch(ctx, name, input);
  try {
    const series = await call('seriesAdd', DEMO_SERIES);
    await call('seriesUpdate', { series: series.id, print: DEMO_PRINT });
    for (const name of DEMO_UNITS) await call('unitAdd', { name, ...(DEMO_SHORT_NAMES[name] ? { shortName: DEMO_SHORT_NAMES[name] } : {}) });
    const inIssue: number[] = [];
    // Each item came in as a unit's draft (来稿) and was edited from it, as at a real desk: the
    // register, the 统计 page's 收到来稿 and the 工作台 then count the same six drafts.
    // The issue's drafts came in during the week before it (never after today); the one left over came in today.
    const today = localDate(ctx.now());
    let daysBefore = 8;
    for (const { inIssue: use, title, body, unit, category } of DEMO_ARTICLES) {
      const came = use ? shiftDays(DEMO_DATE, -daysBefore--) : today;
      const draft = await call('submissionAdd', { title, body, unit, category, receivedDate: came < today ? came : today });
      const { article } = await call('submissionEdit', { id: draft.id, category });
      if (use) inIssue.push(article.id);
    }
    const draft = await call('issueCreate', { series: series.id, date: DEMO_DATE });
    await call('issueAddArticles', { id: draft.id, articleIds: inIssue });
    await call('issueSubmit', { id: draft.id });
    const signed = await call('issueSign', { id: draft.id, signedBy: DEMO_SIGNER });
    const exported = await call('issueExport', { id: signed.id, out: dir });
    const monthStart = `${today.slice(0, 7)}-01`;
    for (const { daysAgo, ...draft } of DEMO_PENDING_DRAFTS) {
      const came = shiftDays(today, -daysAgo);
      await call('submissionAdd', { ...draft, receivedDate: came > monthStart ? came : monthStart });
    }
    // the 工作台's records: targets, commissions with notices, instructions under follow-up (issue 16)
    await fillFollowup(call, localDate(ctx.now()));
    await fillLiaison(call, localDate(ctx.now()));
    return {
      dir,
      database,
      docx: exported.path,
      sha256: exported.sha256,
      series: series.name,
      issue: { id: signed.id, number: signed.number!, totalNumber: signed.totalNumber, date: signed.date, articles: signed.articles.length },
      units: DEMO_UNITS.length,
      articles: DEMO_ARTICLES.length,
    };
  } finally {
    db.close();
  }
}

export function describeDemo(r: DemoResult): string {
  return [
    `已生成演示数据（虚构的${r.series.replace('政务信息', '')}）：`,
    `  数据库：${r.database}`,
    `  刊物：《${r.series}》，来稿单位 ${r.units} 个，信息 ${r.articles} 条`,
    `  已签发：${r.issue.date.slice(0, 4)}年第${r.issue.number}期${r.issue.totalNumber ? `（总第${r.issue.totalNumber}期）` : ''}，共 ${r.issue.articles} 条信息`,
    `  Word 文件：${r.docx}`,
    `  SHA-256：${r.sha256}`,
    '',
    `继续试用：bulletin --db "${r.database}" issue list`,
  ].join('\n');
}
