/** The audit trail (操作日志): who did what to which record, and setting who is working. */
import { z } from 'zod';
import * as s from '../schemas';
import { download, op, writesFile } from './define';
import { pageQuery, type Page } from '../paging';

export interface AuditEntry {
  id: number;
  /** UTC ISO time. */
  at: string;
  operator: string;
  /** The API entry, e.g. issueSign. */
  operation: string;
  /** Its name in Chinese, e.g. 签发并编号. */
  operationLabel: string;
  /** `kind:id`, e.g. issue:12; '' when none. */
  object: string;
  summary: string;
  detail: Record<string, unknown>;
}

/** A page of the log (api/paging.ts), with the limit and offset it was read with. */
export interface AuditPage extends Page<AuditEntry> {
  limit: number;
  offset: number;
}

export interface AuditFile {
  fileName: string;
  base64: string;
  rows: number;
}

export interface AuditExported {
  path: string;
  rows: number;
}

export interface OperatorSession {
  operator: string;
}

/** Who is working: a person's name, short enough for every column that shows it. */
export const operatorName = s.line('操作人', 40);

/** An object as `kind:id` (issue:12) or just a kind (issue). */
const objectRef = z
  .string({ error: '对象必须是文字，如 issue:12' })
  .trim()
  .regex(/^[a-z]{2,20}(:\d{1,16})?$/, { error: '对象的写法是“类型:编号”，如 issue:12、submission:7' });

export const auditFilter = {
  ...s.dateRange,
  operator: s.optionalLine('操作人', 40).optional(),
  object: objectRef.optional(),
  operation: z.string().trim().max(60).optional(),
};

export const auditOps = {
  auditList: op<AuditPage>()(
    () => z.object({ ...auditFilter, ...pageQuery('audit') }).strict(),
    '查看操作日志（按日期、操作人、对象筛选，分页）/ the audit log, filtered and paged',
    true,
  ),
  auditExport: op<AuditExported>()(
    () => z
      .object({ ...auditFilter, out: z.string({ error: '请给出保存位置' }).min(1, { error: '请给出保存位置' }).max(4096) })
      .strict(),
    '导出操作日志为 Excel / write the audit log as .xlsx',
    writesFile,
  ),
  auditXlsx: op<AuditFile>()(
    () => z.object(auditFilter).strict(),
    '取得操作日志的 Excel 文件（浏览器模式下载用）/ the audit log workbook as base64',
    download,
  ),
  operatorSet: op<OperatorSession>()(
    () => z.object({ name: operatorName }).strict(),
    '设置本窗口的操作人 / who is working in this window',
    true,
  ),
} as const;
