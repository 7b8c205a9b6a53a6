/** Articles (信息): items as edited and printed. */
import { z } from 'zod';
import * as s from '../schemas';
import type { Article, ArticleSummary } from '../types';
import type { CoverageReport } from '../coverage-types';
import { byId, op } from './define';
import { pageQuery, type Page } from '../paging';

const articleFields = {
  unit: s.ref('来稿单位').nullable().optional(),
  category: s.category.optional(),
  classification: s.classification.optional(),
};

/** Body as structured paragraphs (the editor) or as plain text (the CLI, imports): one, not both. */
const articleBody = {
  paragraphs: s.paragraphs.optional(),
  body: s.bodyTextInput.optional(),
};
const oneBody = (v: { paragraphs?: unknown; body?: unknown }) => !(v.paragraphs !== undefined && v.body !== undefined);

export const articleOps = {
  articleAdd: op<Article>()(
    () => z
      .object({ title: s.line('标题', s.LIMITS.title), ...articleBody, ...articleFields })
      .strict()
      .refine(oneBody, { error: '正文只能用一种方式给出（段落或纯文本）' })
      .refine((v) => v.paragraphs !== undefined || v.body !== undefined, { error: '请给出正文' }),
    '新增信息 / add an item',
  ),
  articleEdit: op<Article>()(
    () => z
      .object({ id: s.id('信息'), title: s.line('标题', s.LIMITS.title).optional(), ...articleBody, ...articleFields })
      .strict()
      .refine(oneBody, { error: '正文只能用一种方式给出（段落或纯文本）' }),
    '修改信息 / edit an item',
  ),
  // Text under check is not refused for emoji: the check reports them like any other character.
  articleCoverage: op<CoverageReport>()(
    () => z
      .object({
        id: s.id('信息').optional(),
        title: z.string({ error: '标题必须是文字' }).max(s.LIMITS.title * 4).optional(),
        body: z.string({ error: '正文必须是文字' }).max(s.LIMITS.bodyChars).optional(),
        paragraphs: z
          .array(z.object({ level: s.headingLevel, text: z.string().max(s.LIMITS.paragraph) }).strict())
          .max(s.LIMITS.paragraphs)
          .optional(),
        unit: z.string({ error: '来稿单位必须是文字' }).max(s.LIMITS.name * 4).nullable().optional(),
      })
      .strict()
      .refine((v) => (v.id !== undefined) !== (v.title !== undefined || v.body !== undefined || v.paragraphs !== undefined), {
        error: '请给出信息编号，或给出要检查的标题和正文（二者选一）',
      }),
    '检查信息的文字办公字体能否显示 / characters the office fonts lack',
    true,
  ),
  articleGet: op<Article>()(() => byId('信息'), '查看信息 / show an item', true),
  articleDelete: op<{ id: number }>()(() => byId('信息'), '删除未用过的信息 / delete an unused item'),
  articleList: op<Page<ArticleSummary>>()(
    () => z
      .object({
        unit: s.ref('来稿单位').optional(),
        category: s.category.optional(),
        classification: s.classification.optional(),
        used: z.boolean().optional(),
        /** The series the list is for (the composer): each item then says why it may not go in, if so. */
        forSeries: s.ref('刊物').optional(),
        ...s.dateRange,
        text: s.titleWords,
        ...pageQuery('article'),
      })
      .strict(),
    '列出信息（排序、分页）/ list items, sorted and paged',
    true,
  ),
} as const;
