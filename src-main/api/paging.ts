/**
 * Paged lists: every list operation takes a sort (a column from the list's own allow-list and a
 * direction), its filters and a page (limit + offset), and answers `{ rows, total }` — the rows
 * of that page and how many rows match the filters. The columns are named here, with their
 * Chinese labels, so the CLI's help, the renderer's table headers and the refusal of an unknown
 * column all speak of the same thing; the services map each name to SQL (and add the id as the
 * last key, so rows that tie keep one order from page to page).
 */
import { z } from 'zod';
import { LIMITS } from './schemas';

export interface Page<T> {
  rows: T[];
  /** How many rows match the filters, whatever the page is. */
  total: number;
}

export type SortDir = 'asc' | 'desc';

/** The page size when a caller gives none; the renderer's tables fetch pages of this size. */
export const DEFAULT_PAGE = 200;

export const SORTS = {
  issue: { date: '日期', number: '期号', totalNumber: '总期号', status: '状态', articles: '信息条数', signedBy: '签发人', updatedAt: '修改时间' },
  article: { updatedAt: '修改时间', createdAt: '录入时间', title: '标题', unit: '来稿单位', category: '分类', classification: '密级' },
  submission: { receivedDate: '收稿日期', title: '标题', unit: '来稿单位', state: '状态', liaisonName: '信息员', category: '分类' },
  packet: { createdAt: '生成时间', fileName: '文件名', size: '大小', createdBy: '经办人' },
  adoption: { date: '采用日期', title: '标题', publication: '刊物', kind: '采用类型' },
  instruction: { date: '批示日期', title: '标题', leader: '批示领导', level: '级别' },
  audit: { at: '时间', operator: '操作人', operation: '操作' },
} as const;

export type SortList = keyof typeof SORTS;
export type SortKey<L extends SortList> = keyof (typeof SORTS)[L] & string;

const dir = z.enum(['asc', 'desc'], { error: '排序方向只能是 asc（升序）或 desc（降序）' });

/** sort / dir / limit / offset for one list; an unknown column is refused naming the ones there are. */
export function pageQuery<L extends SortList>(list: L) {
  const labels = SORTS[list] as Record<string, string>;
  const keys = Object.keys(labels) as [SortKey<L>, ...SortKey<L>[]];
  const named = keys.map((k) => `${k}（${labels[k]}）`).join('、');
  return {
    sort: z.enum(keys, { error: `不能按此列排序，可排序的列：${named}` }).optional(),
    dir: dir.optional(),
    limit: z.number({ error: '条数必须是数字' }).int().min(1).max(LIMITS.listLimit, { error: `每页最多${LIMITS.listLimit}条` }).optional(),
    offset: z.number({ error: '起始位置必须是数字' }).int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  };
}
