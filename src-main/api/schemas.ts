/**
 * Building blocks of the API's input schemas. Messages are Chinese because they reach the
 * user verbatim; limits are here so every door enforces the same ones.
 */
import { z } from 'zod';
import { cleanLine, cleanText, emojiMessage, findEmoji, type HeadingLevel, type Paragraph } from './text';
import { normalizeTable, tableText, TABLE_LIMITS } from './body-tables';
import { PICTURE_CAPTION_MAX, pictureText } from './body-pictures';
import { ADOPTION_KIND_LABELS, SERIES_SCORE_RULES } from '../scoring/rules';

z.config(z.locales.zhCN());

export const LIMITS = {
  name: 100,
  title: 200,
  paragraph: 20_000,
  paragraphs: 5_000,
  bodyChars: 200_000,
  reason: 500,
  articlesPerIssue: 200,
  listLimit: 1000,
} as const;

export const id = (what: string) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? `请给出${what}编号` : `${what}编号必须是数字`) })
    .int({ error: `${what}编号必须是正整数` })
    .positive({ error: `${what}编号必须是正整数` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${what}编号过大` });

/**
 * Refuses a text holding an emoji, naming it: the office fonts have no emoji, and a bulletin
 * must not print one. Zero-width characters are not refused: cleanText drops them silently.
 */
export const noEmoji =
  (what: string) =>
  (text: string, ctx: z.RefinementCtx): void => {
    const emoji = findEmoji(text);
    if (emoji) ctx.addIssue({ code: 'custom', message: emojiMessage(what, emoji) });
  };

/** A one-line text that must not be empty after cleaning. */
export const line = (what: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `请给出${what}` : `${what}必须是文字`) })
    .max(max * 4, { error: `${what}不能超过${max}个字` })
    .transform(cleanLine)
    .refine((s) => s.length > 0, { error: `${what}不能为空` })
    .refine((s) => [...s].length <= max, { error: `${what}不能超过${max}个字` })
    .superRefine(noEmoji(what));

/** A one-line text that may be empty (the empty string clears it). */
export const optionalLine = (what: string, max: number) =>
  z
    .string({ error: `${what}必须是文字` })
    .max(max * 4, { error: `${what}不能超过${max}个字` })
    .transform(cleanLine)
    .refine((s) => [...s].length <= max, { error: `${what}不能超过${max}个字` })
    .superRefine(noEmoji(what));

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const isoDate = (what: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `请给出${what}` : `${what}必须是日期，格式为 年-月-日`) })
    // One message for one mistake: an empty or malformed date stops at its first check.
    .min(1, { error: `请填写${what}`, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${what}格式应为 年-月-日，例如 2026-11-21`, abort: true })
    .refine(isRealDate, { error: `${what}不是有效的日期`, abort: true })
    .refine((s) => s >= '1949-10-01' && s <= '2199-12-31', { error: `${what}超出合理范围` });

export const CATEGORIES = ['news', 'practice', 'problem', 'research', 'followup'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  news: '动态',
  practice: '经验',
  problem: '问题建议',
  research: '调研',
  followup: '督查',
};

export const CLASSIFICATIONS = ['public', 'internal', 'classified'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  public: '公开',
  internal: '内部',
  classified: '涉密',
};

export const UNIT_KINDS = ['town', 'street', 'department', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  town: '镇',
  street: '街道',
  department: '县直部门',
  other: '其他',
};

export const ISSUE_STATUSES = ['draft', 'review', 'signed', 'voided'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  draft: '编辑中',
  review: '待签发',
  signed: '已签发',
  voided: '已作废',
};

/** `county（县级）、city（市级）`: the values a user may give, each with its Chinese label. */
export const choices = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => `${v}（${labels[v]}）`).join('、');

/** A choice among fixed values; the message lists them all. */
export const enumOf = <T extends readonly [string, ...string[]]>(values: T, labels: Record<T[number], string>, what: string) =>
  z.enum(values, { error: `${what}只能是：${choices(values, labels)}` });

export const category = enumOf(CATEGORIES, CATEGORY_LABELS, '分类');
export const classification = enumOf(CLASSIFICATIONS, CLASSIFICATION_LABELS, '密级');
export const unitKind = enumOf(UNIT_KINDS, UNIT_KIND_LABELS, '单位类型');
export const issueStatus = enumOf(ISSUE_STATUSES, ISSUE_STATUS_LABELS, '状态');
export const seriesScoreRule = enumOf(SERIES_SCORE_RULES, ADOPTION_KIND_LABELS, '计分规则');

/** A reference by id or by exact name: the CLI passes names, the UI ids. */
export const ref = (what: string) =>
  z.union([id(what), line(`${what}名称`, LIMITS.name)], { error: `请给出${what}的编号或名称` });

/** A filter on dates, both ends included. */
export const dateRange = { from: isoDate('起始日期').optional(), to: isoDate('截止日期').optional() };

export const listLimit = z.number().int().min(1).max(LIMITS.listLimit).optional();

/** Words a listed row's title must contain. */
export const titleWords = optionalLine('标题关键字', LIMITS.title).optional();


const tableCellText = z
  .string({ error: '表格的单元格必须是文字' })
  .max(TABLE_LIMITS.cell, { error: `表格的一个单元格不能超过${TABLE_LIMITS.cell}个字` })
  .transform((s) => cleanLine(s))
  .superRefine(noEmoji('表格'));

/** Issue 19: a table in the body (api/body-tables.ts); merges outside the table or overlapping are dropped. */
export const bodyTable = z
  .object({
    caption: z.string().max(LIMITS.title, { error: `表题不能超过${LIMITS.title}个字` }).transform((s) => cleanLine(s)).superRefine(noEmoji('表题')).default(''),
    unit: z.string().max(LIMITS.name, { error: `表格的单位行不能超过${LIMITS.name}个字` }).transform((s) => cleanLine(s)).superRefine(noEmoji('单位行')).default(''),
    headerRows: z.number().int().min(0).max(5, { error: '表头最多5行' }).default(0),
    rows: z
      .array(z.array(tableCellText).min(1, { error: '表格的一行至少要有一个单元格' }).max(TABLE_LIMITS.cols, { error: `表格最多${TABLE_LIMITS.cols}列` }), {
        error: '表格必须是行的列表',
      })
      .min(1, { error: '表格至少要有一行' })
      .max(TABLE_LIMITS.rows, { error: `表格最多${TABLE_LIMITS.rows}行` }),
    merges: z
      .array(z.object({ row: z.number().int().min(0), col: z.number().int().min(0), rows: z.number().int().min(1), cols: z.number().int().min(1) }))
      .max(200)
      .default([]),
  })
  .transform((t) => normalizeTable(t));

/** Issue 19: a picture of the item's draft placed in the body (api/body-pictures.ts). */
export const bodyPicture = z
  .object({
    id: z.number({ error: '图片编号必须是数字' }).int().min(1).max(Number.MAX_SAFE_INTEGER),
    caption: z
      .string({ error: '图片说明必须是文字' })
      .max(PICTURE_CAPTION_MAX, { error: `图片说明不能超过${PICTURE_CAPTION_MAX}个字` })
      .transform((s) => cleanText(s).replace(/\s+/g, ' ').trim())
      .superRefine(noEmoji('图片说明')),
  })
  .strict();

export const headingLevel = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: '段落的标题层级只能是 0（正文）到 4',
}) as z.ZodType<HeadingLevel>;

export const paragraph = z
  .object({
    level: headingLevel,
    text: z
      .string({ error: '段落必须是文字' })
      .max(LIMITS.paragraph, { error: `一段不能超过${LIMITS.paragraph}个字` })
      .transform((s) => cleanText(s).replace(/\n+/g, ' ').trim())
      .superRefine(noEmoji('正文')),
    table: bodyTable.optional(),
    note: z.literal(true).optional(),
    picture: bodyPicture.optional(),
  })
  // A table's text is always its plain form, recomputed here so search and 字数 never disagree with the cells.
  .transform((p): Paragraph => {
    if (p.table) return { level: 0, text: tableText(p.table), table: p.table };
    if (p.picture) return { level: 0, text: pictureText(p.picture), picture: p.picture };
    return p.note ? { level: p.level, text: p.text, note: true } : { level: p.level, text: p.text };
  })
  .refine((p) => p.text.length > 0, { error: '段落不能为空' });

export const paragraphs = z
  .array(paragraph, { error: '正文必须是段落列表' })
  .min(1, { error: '正文不能为空' })
  .max(LIMITS.paragraphs, { error: `正文不能超过${LIMITS.paragraphs}段` })
  .refine((ps) => ps.reduce((n, p) => n + p.text.length, 0) <= LIMITS.bodyChars, {
    error: `正文不能超过${LIMITS.bodyChars}个字`,
  });

export const bodyTextInput = z
  .string({ error: '正文必须是文字' })
  .max(LIMITS.bodyChars, { error: `正文不能超过${LIMITS.bodyChars}个字` })
  .superRefine(noEmoji('正文'));

/** A list of names given as an array, or as one text separated by ，, ；, ASCII , ; or new lines — never 、, which joins parts of one name (县人大常委会主任、副主任). */
/**
 * A list of names given as an array or as one string. Recipient lists (报/送/发) split only on
 * ，；, ; and new lines, since 、 belongs inside an entry (县人大常委会主任、副主任); lists of short
 * names such as a unit's aliases split on 、 too (`splitOnDunhao`), as the UI asks people to type them.
 */
export const nameList = (what: string, splitOnDunhao = false) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(splitOnDunhao ? /[,，、;；\n]+/ : /[,，;；\n]+/).map((x) => x.trim()).filter(Boolean) : v),
    z.array(line(what, LIMITS.name), { error: `${what}必须是名称列表` }).max(200, { error: `${what}最多200个` }),
  );

export const SENSITIVITY_PRESETS: Record<string, string> = { none: '', internal: '内部资料 注意保存' };

/** The print settings a user may change; every field optional, so a call changes only what it names. */
export const printPatch = z
  .object({
    mastheadName: optionalLine('报头名称', 40).optional(),
    sensitivityMark: z
      .string({ error: '密级标志必须是文字' })
      .max(200)
      .transform((v) => SENSITIVITY_PRESETS[v] ?? cleanLine(v))
      .refine((v) => [...v].length <= 20, { error: '密级标志不能超过20个字' })
      .superRefine(noEmoji('密级标志'))
      .optional(),
    showTotal: z.boolean({ error: '“显示总期号”只能是是或否' }).optional(),
    dateStyle: z.enum(['arabic', 'chinese'], { error: '日期样式只能是 arabic（2026年11月21日）或 chinese（二〇二六年十一月二十一日）' }).optional(),
    contentsHeading: z.enum(['本期要目', '目录', 'none'], { error: '目录标题只能是 本期要目、目录 或 none（不印目录）' }).optional(),
    newPagePerItem: z.boolean({ error: '“每条另起一页”只能是是或否' }).optional(),
    distribution: z
      .object({ to: nameList('呈报单位（报）').optional(), cc: nameList('抄送单位').optional(), down: nameList('下发单位').optional() })
      .strict()
      .optional(),
    reviewer: optionalLine('审核人', LIMITS.name).optional(),
    editor: optionalLine('编辑', LIMITS.name).optional(),
    chineseQuotes: z.boolean({ error: '“直引号改为中文引号”只能是是或否' }).optional(),
    copies: z.number({ error: '印数必须是数字' }).int({ error: '印数必须是整数' }).min(0, { error: '印数不能为负' }).max(100_000, { error: '印数过大' }).optional(),
  })
  .strict();
