/** Series: the publications and how each numbers and prints its issues. */
import { z } from 'zod';
import * as s from '../schemas';
import type { Series } from '../types';
import { none, op } from './define';

const seriesFields = {
  org: s.optionalLine('编印单位', s.LIMITS.name).optional(),
  firstNumber: s.id('起始期号').optional(),
  firstTotal: s.id('起始总期号').optional(),
  continuous: z.boolean({ error: '“跨年连续编号”只能是是或否' }).optional(),
  /** The highest 密级 the series may print (default 内部). */
  maxClassification: s.classification.optional(),
  scoreRule: s.seriesScoreRule.optional(),
};

export const seriesOps = {
  seriesAdd: op<Series>()(
    () => z.object({ name: s.line('刊物名称', s.LIMITS.name), ...seriesFields }).strict(),
    '新建刊物 / add a publication series',
  ),
  seriesUpdate: op<Series>()(
    () => z
      .object({ series: s.ref('刊物'), name: s.line('刊物名称', s.LIMITS.name).optional(), ...seriesFields, print: s.printPatch.optional() })
      .strict(),
    '修改刊物设置（含印制设置）/ change a series and how it prints',
  ),
  seriesList: op<Series[]>()(() => none, '列出刊物 / list series', true),
  seriesGet: op<Series>()(() => z.object({ series: s.ref('刊物') }).strict(), '查看刊物 / show a series', true),
} as const;
