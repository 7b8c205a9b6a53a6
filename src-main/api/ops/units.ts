/** Units (报送单位): the towns, streets and departments that send drafts. */
import { z } from 'zod';
import * as s from '../schemas';
import type { Unit } from '../types';
import { op } from './define';


export const unitOps = {
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
} as const;
