/**
 * The audit trail (操作日志): writing one entry (called from wiring/dispatch.ts through the audit
 * scope, inside the operation's own transaction), reading it back filtered and paged, and the
 * workbook an office files. The table refuses UPDATE and DELETE (migration 9).
 */
import { orderBy, type OrderSpec } from '../store/order';
import path from 'node:path';
import fs from 'node:fs';
import { contract, isOpName, type OpArgs } from '../api/contract';
import { localTimeNumeric } from '../api/display';
import { actionLabel, type AuditFacts } from '../api/audit-entry';
import type { AuditEntry, AuditExported, AuditFile, AuditPage, OperatorSession } from '../api/ops/audit';
import { ApiError } from '../api/errors';
import type { DB } from '../store/db';
import { Where } from '../store/where';
import { localDate, operatorOf, type Ctx } from './context';
import { writeAtomically } from './output-files';

export interface AuditRow extends AuditFacts {
  at: string;
  operator: string;
  operation: string;
}

export function writeAuditRow(db: DB, row: AuditRow): void {
  db.prepare('INSERT INTO audit_log (at, operator, operation, object, summary, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    row.at,
    row.operator.slice(0, 60),
    row.operation,
    row.object,
    row.summary,
    JSON.stringify(row.detail),
  );
}

/** An operation's name in Chinese: the first half of its summary in the contract. */
export function operationLabel(name: string): string {
  return isOpName(name) ? actionLabel(contract[name].summary) : name;
}

interface Stored {
  id: number;
  at: string;
  operator: string;
  operation: string;
  object: string;
  summary: string;
  detail: string;
}

/** A calendar date on this PC → the UTC instant it starts, as stored. */
function startOfLocalDay(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

type Filter = Pick<OpArgs<'auditList'>, 'from' | 'to' | 'operator' | 'object' | 'operation'>;

function where(f: Filter): Where {
  if (f.from && f.to && f.from > f.to) throw new ApiError('INVALID_INPUT', `起始日期 ${f.from} 晚于截止日期 ${f.to}，请调换或改正。`);
  const object = f.object ?? '';
  return new Where()
    .when(f.from ? startOfLocalDay(f.from) : undefined, 'at >= ?')
    .when(f.to ? startOfLocalDay(f.to, 1) : undefined, 'at < ?')
    .when(f.operator || undefined, 'operator = ?')
    .when(f.operation || undefined, 'operation = ?')
    // issue:12 is that issue; a bare kind (issue) is every issue
    .when(object.includes(':') ? object : undefined, 'object = ?')
    .when(object && !object.includes(':') ? object : undefined, "(object = ? OR object LIKE ? || ':%')", object);
}

function toEntry(r: Stored): AuditEntry {
  return { ...r, operationLabel: operationLabel(r.operation), detail: JSON.parse(r.detail) as Record<string, unknown> };
}

/** Newest first: the rowid's own order (entries are appended in time order). */
const AUDIT_ORDER: OrderSpec = {
  columns: { at: 'at', operator: 'operator', operation: 'operation' },
  fallback: 'id DESC',
  tiebreak: 'id',
};

export function listAudit(ctx: Ctx, args: OpArgs<'auditList'>): AuditPage {
  const w = where(args);
  const limit = args.limit ?? 200;
  const offset = args.offset ?? 0;
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM audit_log ${w}`).get(...w.params) as { n: number }).n;
  const rows = ctx.db
    .prepare(`SELECT * FROM audit_log ${w} ${orderBy(AUDIT_ORDER, args.sort, args.dir)} LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as Stored[];
  return { rows: rows.map(toEntry), total, limit, offset };
}

/** Every matching entry, oldest first: the order an office reads a register in. */
async function workbook(ctx: Ctx, f: Filter): Promise<{ bytes: Buffer; rows: number }> {
  const w = where(f);
  const rows = (ctx.db.prepare(`SELECT * FROM audit_log ${w} ORDER BY id`).all(...w.params) as Stored[]).map(toEntry);
  // Loaded at first use, not at start: every command would pay for it (issue 14).
  const { Workbook } = (await import('exceljs')).default;
  const book = new Workbook();
  book.creator = '政务信息编印台';
  const sheet = book.addWorksheet('操作日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '序号', key: 'id', width: 8 },
    { header: '时间', key: 'at', width: 18 },
    { header: '操作人', key: 'operator', width: 12 },
    { header: '操作', key: 'operation', width: 26 },
    { header: '对象', key: 'object', width: 16 },
    { header: '摘要', key: 'summary', width: 50 },
    { header: '详情', key: 'detail', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of rows) {
    // Time as text in local time: a date cell would be shown in the reader's own zone.
    sheet.addRow({ ...e, at: localTimeNumeric(e.at), operation: e.operationLabel, detail: JSON.stringify(e.detail) });
  }
  sheet.getColumn('id').numFmt = '0';
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), rows: rows.length };
}

function fileName(ctx: Ctx): string {
  return `操作日志_${localDate(ctx.now()).replaceAll('-', '')}.xlsx`;
}

export async function exportAudit(ctx: Ctx, args: OpArgs<'auditExport'>): Promise<AuditExported> {
  let target = path.resolve(args.out);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target = path.join(target, fileName(ctx));
  else if (!/\.xlsx$/i.test(target)) target += '.xlsx';
  if (!fs.existsSync(path.dirname(target))) throw new ApiError('INVALID_INPUT', `文件夹“${path.dirname(target)}”不存在。请给出一个已有的文件夹。`);
  const { bytes, rows } = await workbook(ctx, args);
  writeAtomically(target, bytes, { mayBeOpen: true });
  return { path: target, rows };
}

export async function auditXlsx(ctx: Ctx, args: OpArgs<'auditXlsx'>): Promise<AuditFile> {
  const { bytes, rows } = await workbook(ctx, args);
  return { fileName: fileName(ctx), base64: bytes.toString('base64'), rows };
}

export function setOperator(ctx: Ctx, args: OpArgs<'operatorSet'>): OperatorSession {
  ctx.operator = args.name;
  return { operator: operatorOf(ctx) };
}
