/**
 * 导出 Excel for the lists (issue 15): the list op's own service is asked page after page with
 * the filters and sort the page shows, so the file holds exactly the rows the list would show,
 * in its order, not only those loaded on screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import { contract, type OpArgs } from '../api/contract';
import { EXPORT_LIST_LABELS, type ExportList, type ListExported, type ListFile } from '../api/ops/list-export';
import { LIMITS } from '../api/schemas';
import type { Page } from '../api/paging';
import { LIST_COLUMNS } from '../export/list-sheets';
import { listArticles } from './articles';
import { listIssues } from './issues';
import { listPackets } from './packets';
import { scoreLedger } from './scoring';
import { listSubmissions } from './submissions';
import { localDate, type Ctx } from './context';
import { writeAtomically } from './output-files';

type Args = OpArgs<'listXlsx'>;

/** The list op whose input a list's query is. */
const LIST_OP = {
  articles: 'articleList',
  submissions: 'submissionList',
  issues: 'issueList',
  archive: 'issueList',
  packets: 'packetList',
  scores: 'scoreLedger',
} as const;

/** A query left out means the list with no filter, as the list op reads `{}`. */
function queryOf(args: Args): Record<string, unknown> {
  if (args.query !== undefined) return args.query as Record<string, unknown>;
  const r = contract[LIST_OP[args.list]].input.safeParse({});
  if (!r.success) throw new ApiError('INVALID_INPUT', `导出${EXPORT_LIST_LABELS[args.list]}须给出筛选条件：${r.error.issues[0]?.message ?? ''}`);
  return r.data as Record<string, unknown>;
}

/** Every page of a paged list, from the first row. */
function allPages<T>(read: (limit: number, offset: number) => Page<T>): T[] {
  const out: T[] = [];
  for (;;) {
    const page = read(LIMITS.listLimit, out.length);
    out.push(...page.rows);
    if (page.rows.length === 0 || out.length >= page.total) return out;
  }
}

function rowsOf(ctx: Ctx, args: Args): unknown[] {
  const q = queryOf(args);
  const page = { ...q, limit: undefined, offset: undefined };
  switch (args.list) {
    case 'articles':
      return allPages((limit, offset) => listArticles(ctx, { ...(page as OpArgs<'articleList'>), limit, offset }));
    case 'submissions':
      return allPages((limit, offset) => listSubmissions(ctx, { ...(page as OpArgs<'submissionList'>), limit, offset }));
    case 'issues':
    case 'archive':
      // 归档 is the signed and voided issues, as its page shows them; 期刊 every issue the query names.
      return allPages((limit, offset) => {
        const q = page as OpArgs<'issueList'>;
        return listIssues(ctx, { ...q, archived: args.list === 'archive' ? true : q.archived, limit, offset });
      });
    case 'packets':
      return allPages((limit, offset) => listPackets(ctx, { ...(page as OpArgs<'packetList'>), limit, offset }));
    case 'scores':
      return scoreLedger(ctx, q as OpArgs<'scoreLedger'>);
  }
}

async function workbook(ctx: Ctx, args: Args): Promise<{ bytes: Buffer; rows: number }> {
  const rows = rowsOf(ctx, args);
  const columns = LIST_COLUMNS[args.list];
  // Loaded at first use, not at start: every command would pay for it (issue 14).
  const { Workbook } = (await import('exceljs')).default;
  const book = new Workbook();
  book.creator = '政务信息编印台';
  const sheet = book.addWorksheet(EXPORT_LIST_LABELS[args.list], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r as never)));
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), rows: rows.length };
}

function fileName(ctx: Ctx, list: ExportList): string {
  return `${EXPORT_LIST_LABELS[list]}_${localDate(ctx.now()).replaceAll('-', '')}.xlsx`;
}

export async function exportList(ctx: Ctx, args: OpArgs<'listExport'>): Promise<ListExported> {
  let target = path.resolve(args.out);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target = path.join(target, fileName(ctx, args.list));
  else if (!/\.xlsx$/i.test(target)) target += '.xlsx';
  if (!fs.existsSync(path.dirname(target))) throw new ApiError('INVALID_INPUT', `文件夹“${path.dirname(target)}”不存在。请给出一个已有的文件夹。`);
  const { bytes, rows } = await workbook(ctx, args);
  writeAtomically(target, bytes, { mayBeOpen: true });
  return { path: target, rows };
}

export async function listXlsx(ctx: Ctx, args: Args): Promise<ListFile> {
  const { bytes, rows } = await workbook(ctx, args);
  return { fileName: fileName(ctx, args.list), base64: bytes.toString('base64'), rows };
}
