/** Units (报送单位): the towns, streets and departments that send drafts. */
import { z } from 'zod';
import * as s from '../schemas';
import type { Unit } from '../types';
import { op } from './define';

/** 简称 and 别称: like the full name, each unique across all units' names, short names and aliases. */
const shortName = s.optionalLine('简称', s.LIMITS.name);
// An empty entry (the CLI's `--alias ""`) is dropped, so it clears the list rather than being refused.
const aliases = z.preprocess((v) => (Array.isArray(v) ? v.filter((x) => !(typeof x === 'string' && x.trim() === '')) : v), s.nameList('别称', true));

export const unitOps = {
  unitAdd: op<Unit>()(
    z
      .object({ name: s.line('单位名称', s.LIMITS.name), kind: s.unitKind.optional(), shortName: shortName.optional(), aliases: aliases.optional() })
      .strict(),
    '新增报送单位 / add a unit',
  ),
  unitUpdate: op<Unit>()(
    z
      .object({
        unit: s.ref('报送单位'),
        name: s.line('单位名称', s.LIMITS.name).optional(),
        kind: s.unitKind.optional(),
        active: z.boolean({ error: '“启用”只能是是或否' }).optional(),
        /** The empty text clears it. */
        shortName: shortName.optional(),
        /** The whole new list (an empty list clears them). */
        aliases: aliases.optional(),
      })
      .strict(),
    '修改报送单位（名称、简称、别称、类型、启用）/ change a unit',
  ),
  unitList: op<Unit[]>()(
    z.object({ includeInactive: z.boolean().optional() }).strict(),
    '列出报送单位 / list units',
    true,
  ),
} as const;
