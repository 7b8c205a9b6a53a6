/** `bulletin audit …`: the audit trail (操作日志) — list it filtered and paged, export it to Excel. */
import { localTimeNumeric } from '../../api/display';
import type { AuditEntry, AuditExported, AuditPage } from '../../api/ops/audit';
import { DATE, filterBy } from '../options';
import type { CommandSpec, OptionSpec } from '../spec';

const filters: readonly OptionSpec[] = [
  { flag: 'from', key: 'from', type: 'string', value: DATE, zh: '起始日期（含）', en: 'from date (inclusive)' },
  { flag: 'to', key: 'to', type: 'string', value: DATE, zh: '截止日期（含）', en: 'to date (inclusive)' },
  { flag: 'operator', key: 'operator', type: 'string', value: 'NAME', zh: '按操作人筛选（写在 audit 之后）', en: 'filter by operator (after the word audit)' },
  { flag: 'object', key: 'object', type: 'string', value: 'KIND:ID', zh: '按对象筛选，如 issue:12；只写类型（issue）则是该类全部', en: 'filter by object, e.g. issue:12, or a kind' },
  { flag: 'operation', key: 'operation', type: 'string', value: 'OP', zh: '按操作筛选，如 issueSign', en: 'filter by operation, e.g. issueSign' },
];

const line = (e: AuditEntry) =>
  `#${e.id} ${localTimeNumeric(e.at)}  ${e.operator}  ${e.operationLabel}${e.object ? `  ${e.object}` : ''}  ${e.summary}`;

function printPage(p: AuditPage): string {
  if (p.total === 0) return '没有符合条件的操作记录。';
  const shown = p.rows.length;
  const range = shown === 0 ? '' : `第 ${p.offset + 1}–${p.offset + shown} 条`;
  const more = p.offset + shown < p.total ? `；用 --offset ${p.offset + shown} 看后面的` : '';
  return [...p.rows.map(line), `共 ${p.total} 条，显示${range}（新的在前）${more}。`].join('\n');
}

export const auditCommands: readonly CommandSpec[] = [
  {
    path: ['audit', 'list'],
    op: 'auditList',
    zh: '查看操作日志：谁在什么时候对哪条记录做了什么（新的在前，分页）',
    en: 'The audit log: who did what to which record, and when (newest first, paged)',
    options: [
      ...filters,
      filterBy.limit,
      { flag: 'offset', key: 'offset', type: 'int', value: 'N', zh: '跳过前 N 条', en: 'skip the first N entries' },
    ],
    print: printPage,
    examples: ['bulletin audit list --object issue:12', 'bulletin --json audit list --from 2026-11-01 --to 2026-11-30 --operator 王某某'],
  },
  {
    path: ['audit', 'export'],
    op: 'auditExport',
    zh: '把操作日志（可筛选）导出为 Excel 文件',
    en: 'Write the audit log (optionally filtered) to an .xlsx file',
    options: [
      ...filters,
      { flag: 'out', key: 'out', type: 'string', value: 'FILE.xlsx', zh: '保存的文件，或已有的文件夹', en: 'the file, or an existing folder' },
    ],
    print: (r: AuditExported) => `已导出 ${r.rows} 条操作记录：${r.path}`,
    examples: ['bulletin audit export --out ~/文档/操作日志.xlsx'],
  },
];
