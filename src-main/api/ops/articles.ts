/** Articles (信息): items as edited and printed. */
import { z } from 'zod';
import * as s from '../schemas';
import type { Article, ArticleSummary } from '../types';
import { byId, op } from './define';

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

export const articleOps = {
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
        /** The series the list is for (the composer): each item then says why it may not go in, if so. */
        forSeries: s.ref('刊物').optional(),
        ...s.listQuery,
      })
      .strict(),
    '列出信息 / list items',
    true,
  ),
} as const;
