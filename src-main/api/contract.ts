/**
 * The API table: every operation the UI can do, as one named entry with its zod input schema
 * and its result type. The CLI, the Electron IPC handler and the loopback HTTP bridge all
 * dispatch through this table (see dispatch.ts); nothing here touches the database, so the
 * renderer may import it.
 */
import { z } from 'zod';
import * as s from './schemas';
import type { Article, ArticleSummary, DocxFile, ExportResult, Issue, IssueSummary, NextNumber, Series, Unit } from './types';

export interface OpDef<I extends z.ZodType, O> {
  input: I;
  summary: string;
  /** Read-only operations may run on a database opened read-only. */
  readonly: boolean;
  /** Phantom: carries the result type, never set at run time. */
  readonly result?: O;
}

const op =
  <O>() =>
  <I extends z.ZodType>(input: I, summary: string, readonly = false): OpDef<I, O> => ({ input, summary, readonly });

const none = z.object({}).strict();
const byId = (what: string) => z.object({ id: s.id(what) }).strict();

const seriesFields = {
  org: s.optionalLine('编印单位', s.LIMITS.name).optional(),
  firstNumber: s.id('起始期号').optional(),
  firstTotal: s.id('起始总期号').optional(),
  continuous: z.boolean({ error: '“跨年连续编号”只能是是或否' }).optional(),
};

const articleFields = {
  unit: s.ref('报送单位').nullable().optional(),
  category: s.category.optional(),
  classification: s.classification.optional(),
};

/** Body as structured paragraphs (the editor) or as plain text (the CLI, imports): one, not both. */
const articleBody = {
  paragraphs: s.paragraphs.optional(),
  body: s.bodyTextInput.optional(),
};
const oneBody = (v: { paragraphs?: unknown; body?: unknown }) => !(v.paragraphs !== undefined && v.body !== undefined);

export const contract = {
  seriesAdd: op<Series>()(
    z.object({ name: s.line('刊物名称', s.LIMITS.name), ...seriesFields }).strict(),
    '新建刊物 / add a publication series',
  ),
  seriesUpdate: op<Series>()(
    z
      .object({ series: s.ref('刊物'), name: s.line('刊物名称', s.LIMITS.name).optional(), ...seriesFields, print: s.printPatch.optional() })
      .strict(),
    '修改刊物设置（含印制设置）/ change a series and how it prints',
  ),
  seriesList: op<Series[]>()(none, '列出刊物 / list series', true),
  seriesGet: op<Series>()(z.object({ series: s.ref('刊物') }).strict(), '查看刊物 / show a series', true),

  unitAdd: op<Unit>()(
    z.object({ name: s.line('单位名称', s.LIMITS.name), kind: s.unitKind.optional() }).strict(),
    '新增报送单位 / add a unit',
  ),
  unitUpdate: op<Unit>()(
    z
      .object({
        unit: s.ref('报送单位'),
        name: s.line('单位名称', s.LIMITS.name).optional(),
        kind: s.unitKind.optional(),
        active: z.boolean({ error: '“启用”只能是是或否' }).optional(),
      })
      .strict(),
    '修改报送单位 / change a unit',
  ),
  unitList: op<Unit[]>()(
    z.object({ includeInactive: z.boolean().optional() }).strict(),
    '列出报送单位 / list units',
    true,
  ),

  articleAdd: op<Article>()(
    z
      .object({ title: s.line('标题', s.LIMITS.title), ...articleBody, ...articleFields })
      .strict()
      .refine(oneBody, { error: '正文只能用一种方式给出（段落或纯文本）' })
      .refine((v) => v.paragraphs !== undefined || v.body !== undefined, { error: '请给出正文' }),
    '新增信息 / add an item',
  ),
  articleEdit: op<Article>()(
    z
      .object({ id: s.id('信息'), title: s.line('标题', s.LIMITS.title).optional(), ...articleBody, ...articleFields })
      .strict()
      .refine(oneBody, { error: '正文只能用一种方式给出（段落或纯文本）' }),
    '修改信息 / edit an item',
  ),
  articleGet: op<Article>()(byId('信息'), '查看信息 / show an item', true),
  articleDelete: op<{ id: number }>()(byId('信息'), '删除未用过的信息 / delete an unused item'),
  articleList: op<ArticleSummary[]>()(
    z
      .object({
        unit: s.ref('报送单位').optional(),
        category: s.category.optional(),
        classification: s.classification.optional(),
        used: z.boolean().optional(),
        from: s.isoDate('起始日期').optional(),
        to: s.isoDate('截止日期').optional(),
        text: s.optionalLine('标题关键字', s.LIMITS.title).optional(),
        limit: z.number().int().min(1).max(s.LIMITS.listLimit).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    '列出信息 / list items',
    true,
  ),

  issueCreate: op<Issue>()(
    z.object({ series: s.ref('刊物'), date: s.isoDate('日期').optional(), supplement: z.boolean().optional() }).strict(),
    '新建一期（草稿）/ create a draft issue',
  ),
  issueAddArticles: op<Issue>()(
    z
      .object({
        id: s.id('期'),
        articleIds: z.array(s.id('信息')).min(1, { error: '请至少给出一条信息' }).max(s.LIMITS.articlesPerIssue),
      })
      .strict(),
    '向一期加入信息 / append items to an issue',
  ),
  issueRemoveArticle: op<Issue>()(
    z.object({ id: s.id('期'), articleId: s.id('信息') }).strict(),
    '从一期移出信息 / remove an item from an issue',
  ),
  issueReorder: op<Issue>()(
    z
      .object({ id: s.id('期'), articleIds: z.array(s.id('信息')).min(1).max(s.LIMITS.articlesPerIssue) })
      .strict(),
    '调整一期内信息的顺序 / reorder the items of an issue',
  ),
  issueSetDate: op<Issue>()(
    z.object({ id: s.id('期'), date: s.isoDate('日期') }).strict(),
    '修改一期的日期 / change the date of an unsigned issue',
  ),
  issueSubmit: op<Issue>()(byId('期'), '提交审核 / submit for review'),
  issueWithdraw: op<Issue>()(byId('期'), '退回修改 / send back from review to draft'),
  issueNextNumber: op<NextNumber>()(
    z.object({ id: s.id('期'), date: s.isoDate('日期').optional() }).strict(),
    '签发时将得到的期号 / the number signing would give',
    true,
  ),
  issueSign: op<Issue>()(
    z.object({ id: s.id('期'), signedBy: s.line('签发人', s.LIMITS.name), date: s.isoDate('日期').optional() }).strict(),
    '签发并编号 / sign off and number',
  ),
  issueVoid: op<Issue>()(
    z.object({ id: s.id('期'), reason: s.line('作废原因', s.LIMITS.reason) }).strict(),
    '作废已签发的一期 / void a signed issue',
  ),
  issueExport: op<ExportResult>()(
    z
      .object({
        id: s.id('期'),
        out: z.string({ error: '请给出保存位置' }).min(1, { error: '请给出保存位置' }).max(4096),
      })
      .strict(),
    '导出一期的 Word 文件 / export an issue as Word',
  ),
  issueDocx: op<DocxFile>()(
    byId('期'),
    '取得一期的 Word 文件内容（浏览器模式下载用）/ the Word file as base64, for download',
    true,
  ),
  issueDelete: op<{ id: number }>()(byId('期'), '删除未签发的草稿 / delete an unsigned issue'),
  issueGet: op<Issue>()(byId('期'), '查看一期 / show an issue', true),
  issueList: op<IssueSummary[]>()(
    z
      .object({
        series: s.ref('刊物').optional(),
        year: z.number({ error: '年份必须是数字' }).int().min(1949).max(2199).optional(),
        status: s.issueStatus.optional(),
      })
      .strict(),
    '列出期次 / list issues',
    true,
  ),
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
/** What a caller sends (before defaults and cleaning). */
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
/** What a handler receives (validated and cleaned). */
export type OpArgs<K extends OpName> = z.output<Contract[K]['input']>;
export type OpResult<K extends OpName> = Contract[K] extends OpDef<z.ZodType, infer O> ? O : never;

/** The client view of the table: the shape every door offers to the renderer. */
export type BulletinApi = { [K in OpName]: (input: OpInput<K>) => Promise<OpResult<K>> };

export const OP_NAMES = Object.keys(contract) as OpName[];
export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
