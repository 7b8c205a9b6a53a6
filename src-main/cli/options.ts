/** Arguments, options and commands several subjects share, so each reads the same in every help. */
import { SORTS, type SortList } from '../api/paging';
import type { OpName } from '../api/contract';
import { fmt } from './format';
import type { CommandSpec, OptionSpec, PositionalSpec } from './spec';

export const DATE = 'YYYY-MM-DD';

/** The record a command acts on, by its number; `name` is how usage shows it. */
export const idArg = (name = 'ID'): PositionalSpec => ({ name, key: 'id', type: 'int' });

export const titleOption: OptionSpec = { flag: 'title', key: 'title', type: 'string', value: 'T', zh: '标题', en: 'title' };

export const bodyFileOption: OptionSpec = { flag: 'body-file', key: 'body', type: 'file', value: 'FILE', zh: '从 UTF-8 文本文件读取正文', en: 'read the body from a UTF-8 text file' };

/** A date that is today unless given; `what` names it, e.g. 采用日期. */
export const dateOption = (what: string): OptionSpec => ({ flag: 'date', key: 'date', type: 'string', value: DATE, zh: `${what}，默认今天`, en: 'date, default today' });

/** Filters of the list commands. */
export const filterBy = {
  unit: { flag: 'unit', key: 'unit', type: 'ref', value: 'NAME', zh: '按来稿单位筛选', en: 'filter by unit' },
  category: { flag: 'category', key: 'category', type: 'string', value: 'C', zh: '按分类筛选', en: 'filter by category' },
  series: { flag: 'series', key: 'series', type: 'ref', value: 'S', zh: '按刊物筛选', en: 'filter by series' },
  year: { flag: 'year', key: 'year', type: 'int', value: 'Y', zh: '按年份筛选', en: 'filter by year' },
  limit: { flag: 'limit', key: 'limit', type: 'int', value: 'N', zh: '最多列出几条（默认200）', en: 'at most N rows (default 200)' },
} as const satisfies Record<string, OptionSpec>;

/** --sort / --desc / --limit / --offset of a paged list (columns from api/paging.ts SORTS). */
export function pageOptions(list: SortList): OptionSpec[] {
  const cols = Object.entries(SORTS[list] as Record<string, string>).map(([k, label]) => `${k} ${label}`).join(' / ');
  return [
    { flag: 'sort', key: 'sort', type: 'string', value: 'COL', zh: `按此列排序：${cols}`, en: 'sort by this column' },
    { flag: 'dir', key: 'dir', type: 'string', value: 'D', zh: '排序方向：asc 升序（默认）/ desc 降序', en: 'asc (default) or desc' },
    { flag: 'limit', key: 'limit', type: 'int', value: 'N', zh: '只列出一页，至多 N 条（不给则列出前 100 条；--json 列出全部）', en: 'one page of at most N rows (default: the first 100; all with --json)' },
    { flag: 'offset', key: 'offset', type: 'int', value: 'N', zh: '跳过前 N 条（与 --limit 一起分页）', en: 'skip the first N rows' },
    { flag: 'all', key: 'all', type: 'bool', zh: '列出全部，不分页', en: 'every row, not one page' },
  ];
}

/** `bulletin NOUN delete ID`: removes one record entered by mistake. */
export function deleteCommand(noun: string, op: OpName, zh: string, en: string): CommandSpec {
  return { path: [noun, 'delete'], op, zh, en, positionals: [idArg()], print: fmt.deleted };
}
