/** Search (检索): one query over items, drafts, issues and the follow-up records (约稿, 批示, 信息员, 紧急信息). */
import { z } from 'zod';
import * as s from '../schemas';
import { op } from './define';

export const SEARCH_KINDS = [
  'article',
  'submission',
  'issue',
  // issue 16's records (branch search16)
  'commission',
  'instruction',
  'liaison',
  'urgent',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  id: number;
  title: string;
  /** A short passage around the first match, or the opening of the text. */
  snippet: string;
  /** [start, end) offsets of matched words in `snippet` and in `title`, for highlighting. */
  marks: [number, number][];
  titleMarks: [number, number][];
  /**
   * The date that places it: an issue's date, a draft's received date, an item's entry date; a
   * commission's deadline, an instruction's date, an officer's first day, an urgent event's day.
   */
  date: string;
  unit: string | null;
  /** For an item in an issue, and for an issue: which one. */
  issueLabel: string | null;
  state: string;
}

export interface SearchResult {
  query: string;
  /** 'rank': best match first; 'newest': too many matches for ranking to mean much. */
  order: 'rank' | 'newest';
  /** An upper bound of the number of matches, from the index's statistics. */
  estimate: number;
  hits: SearchHit[];
}

export interface Reindexed {
  /** Items, drafts, issues and follow-up records now in the index. */
  documents: number;
  seconds: number;
}

export interface ReindexStatus {
  /** The rebuild under way, or null. */
  running: { done: number; total: number; percent: number; secondsLeft: number | null } | null;
}

export const searchOps = {
  search: op<SearchResult>()(
    () => z
      .object({
        query: z.string({ error: '请输入要查找的词' }).max(200, { error: '查找的内容不能超过200个字' }),
        kinds: z
          .array(
            z.enum(SEARCH_KINDS, {
              error: '类别只能是 article（信息）、submission（来稿）、issue（期）、commission（约稿）、instruction（批示）、liaison（信息员）、urgent（紧急信息）',
            }),
          )
          .max(SEARCH_KINDS.length)
          .optional(),
        series: s.ref('刊物').optional(),
        year: z.number({ error: '年份必须是数字' }).int().min(1949).max(2199).optional(),
        unit: s.ref('来稿单位').optional(),
        category: s.category.optional(),
        state: z.string().regex(/^[a-z]{1,20}$/, { error: '状态写法有误' }).optional(),
        order: z.enum(['auto', 'rank', 'newest']).optional(),
        limit: z.number().int().min(1).max(200).optional(),
        offset: z.number().int().min(0).max(10_000).optional(),
      })
      .strict(),
    '全文检索信息、来稿、期次、约稿、批示、信息员和紧急信息 / full-text search over items, drafts, issues and the follow-up records',
    true,
  ),
  searchReindex: op<Reindexed>()(
    () => z.object({}).strict(),
    '重建全文检索索引（升级或修复后；分批进行，期间可继续工作）/ rebuild the whole search index, slice by slice',
  ),
  searchReindexStatus: op<ReindexStatus>()(() => z.object({}).strict(), '检索索引重建进度 / how far the rebuild of the search index is', true),
} as const;
