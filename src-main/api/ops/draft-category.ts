/**
 * A draft's category (来稿的分类, issue 15), set in the register one draft at a time; the batch
 * is submissionBatch's setCategory. `none` (未定) takes it back to not yet decided.
 */
import { z } from 'zod';
import * as s from '../schemas';
import { op } from './define';
import { draftCategory, type Submission } from './submissions';

export const draftCategoryOps = {
  submissionSetCategory: op<Submission>()(
    () => z.object({ id: s.id('来稿'), category: draftCategory }).strict(),
    '设置来稿的分类（动态、经验、问题建议…；none 为未定）/ set a draft’s category',
  ),
} as const;
