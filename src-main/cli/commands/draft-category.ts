/** `bulletin submission category`: a draft's category (来稿的分类, issue 15), one draft at a time. */
import { CATEGORY_LABELS } from '../../api/schemas';
import type { Submission } from '../../api/ops/submissions';
import { idArg } from '../options';
import type { CommandSpec } from '../spec';

export const CATEGORY_CHOICES_ZH = 'news 动态 / practice 经验 / problem 问题建议 / research 调研 / followup 督查 / none 未定';

export const draftCategoryCommands: readonly CommandSpec[] = [
  {
    path: ['submission', 'category'],
    op: 'submissionSetCategory',
    zh: `设置来稿的分类：${CATEGORY_CHOICES_ZH}；由它编成的信息沿用此分类。已采用的来稿不能再改`,
    en: 'Set a draft’s category (none: not decided); the item made from it takes it',
    positionals: [idArg(), { name: 'CATEGORY', key: 'category', type: 'string' }],
    print: (s: Submission) => `来稿 #${s.id}《${s.title}》的分类：${s.category === null ? '未定' : CATEGORY_LABELS[s.category]}`,
    examples: ['bulletin submission category 12 problem', 'bulletin submission category 12 none'],
  },
];
