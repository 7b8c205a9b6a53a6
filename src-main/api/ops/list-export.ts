/**
 * Export of a list as shown (issue 15): 稿件, 来稿, 期刊, 归档, 上报登记 and 积分 to Excel, with the
 * same filters and sort the list op takes (its own input, checked by its own schema), every
 * matching row rather than the loaded page.
 */
import { z } from 'zod';
import { articleOps } from './articles';
import { issueOps } from './issues';
import { packetOps } from './packets';
import { scoringOps } from './scoring';
import { submissionOps, localPath } from './submissions';
import { download, innerSchema, op, writesFile } from './define';

export const EXPORT_LISTS = ['articles', 'submissions', 'issues', 'archive', 'packets', 'scores'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_LIST_LABELS: Record<ExportList, string> = {
  articles: '稿件',
  submissions: '来稿',
  issues: '期刊',
  archive: '归档',
  packets: '上报登记',
  scores: '积分明细',
};

const ledgerQuery = () => (innerSchema(scoringOps.scoreLedger.input) ?? scoringOps.scoreLedger.input) as typeof scoringOps.scoreLedger.input;

/** One variant per list: its name and the list op's own input as the query. */
const variants = <E extends z.ZodRawShape>(extra: E) =>
  z.discriminatedUnion(
    'list',
    [
      z.object({ list: z.literal('articles'), query: articleOps.articleList.input.optional(), ...extra }).strict(),
      z.object({ list: z.literal('submissions'), query: submissionOps.submissionList.input.optional(), ...extra }).strict(),
      z.object({ list: z.literal('issues'), query: issueOps.issueList.input.optional(), ...extra }).strict(),
      z.object({ list: z.literal('archive'), query: issueOps.issueList.input.optional(), ...extra }).strict(),
      z.object({ list: z.literal('packets'), query: packetOps.packetList.input.optional(), ...extra }).strict(),
      // The ledger's own schema, not its re-wording wrapper: the query is one field of this input.
      z.object({ list: z.literal('scores'), query: ledgerQuery().optional(), ...extra }).strict(),
    ],
    { error: '列表只能是 articles（稿件）、submissions（来稿）、issues（期刊）、archive（归档）、packets（上报登记）或 scores（积分明细）' },
  );

export interface ListExported {
  path: string;
  rows: number;
}

export interface ListFile {
  fileName: string;
  base64: string;
  rows: number;
}

export const listExportOps = {
  listExport: op<ListExported>()(
    () => variants({ out: localPath('保存位置') }),
    '把列表（按当前筛选和排序）导出为 Excel / write a list as shown to .xlsx',
    writesFile,
  ),
  listXlsx: op<ListFile>()(() => variants({}), '取得列表的 Excel 文件（浏览器模式下载用）/ a list as shown, as an .xlsx in base64', download),
} as const;
