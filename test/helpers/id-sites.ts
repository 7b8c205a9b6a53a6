/**
 * Finds, from the contract's zod schemas alone, every place in an entry's input that names a
 * record by id (`id`, `articleId`, `issueIds[]`, a unit given as id or name, …), and builds a
 * valid-shaped input that points one of them at a record that does not exist. An entry added
 * later is covered without anyone listing it.
 */
import type { z } from 'zod';
import { innerSchema } from '../../src-main/api/ops/define';

export const SENTINEL_ID = 987_654_321;
export const SENTINEL_NAME = '不存在的名称甲乙';

/**
 * Numbers shaped like ids (positive integers up to 2^53) that count rather than name a record:
 * a series' first number and first running number. Anything else of that shape is an id.
 */
export const NOT_REFERENCES = new Set(['firstNumber', 'firstTotal']);

export interface IdSite {
  /** Where in the input: object keys, and 0 for "an element of this list". */
  path: (string | number)[];
  /** `id`: a number only; `ref`: an id or a name (s.ref). */
  kind: 'id' | 'ref';
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; value?: number; inclusive?: boolean; format?: string } } }[];
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema that really checks the input: through wrappers (named()) and preprocessing. */
function effective(schema: z.ZodType): z.ZodType {
  const inner = innerSchema(schema);
  if (inner) return effective(inner);
  const d = defOf(schema);
  if (d.type === 'pipe') {
    const first = defOf(d.in!).type;
    // z.preprocess(fn, s) is pipe(transform, s); x.transform(fn) is pipe(x, transform).
    return effective(first === 'transform' || first === 'unknown' ? d.out! : d.in!);
  }
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) return effective(d.innerType!);
  return schema;
}

/** A positive integer no larger than Number.MAX_SAFE_INTEGER: the shape of s.id(). */
function isIdNumber(schema: z.ZodType): boolean {
  const d = defOf(schema);
  if (d.type !== 'number') return false;
  const checks = (d.checks ?? []).map((c) => c._zod.def);
  const integer = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const positive = checks.some((c) => c.check === 'greater_than' && c.value === 0 && !c.inclusive);
  return integer && positive;
}

export function idSites(schema: z.ZodType, path: (string | number)[] = []): IdSite[] {
  const s = effective(schema);
  const d = defOf(s);
  const key = path.filter((p) => typeof p === 'string').at(-1) ?? '';
  switch (d.type) {
    case 'object':
      return Object.entries(d.shape ?? {}).flatMap(([k, v]) => idSites(v, [...path, k]));
    case 'array':
      return idSites(d.element!, [...path, 0]);
    case 'union': {
      const opts = (d.options ?? []).map(effective);
      const byId = opts.some(isIdNumber);
      const byName = opts.some((o) => defOf(o).type === 'string');
      if (byId && byName && !NOT_REFERENCES.has(key)) return [{ path, kind: 'ref' }];
      return opts.flatMap((o) => idSites(o, path));
    }
    case 'number':
      return isIdNumber(s) && !NOT_REFERENCES.has(key) ? [{ path, kind: 'id' }] : [];
    default:
      return [];
  }
}

/** A value the schema accepts, built from its structure; optional fields are left out. */
export function sample(schema: z.ZodType, key: string, dir: string): unknown {
  const s = effective(schema);
  const d = defOf(s);
  const ok = (v: unknown) => schema.safeParse(v).success;
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape ?? {})) {
        if (v.safeParse(undefined).success) continue;
        const x = sample(v, k, dir);
        if (x === undefined) return undefined;
        out[k] = x;
      }
      return out;
    }
    case 'union':
      for (const o of d.options ?? []) {
        const x = sample(o, key, dir);
        if (x !== undefined && ok(x)) return x;
      }
      return undefined;
    case 'number':
      return [SENTINEL_ID, 2026, 1].find(ok);
    case 'string':
      return [`不存在的${key}甲乙`, '2026-01-01', '2026-01-01 09:00', `${dir}/no-such-folder/${key}.docx`].find(ok);
    case 'boolean':
      return false;
    case 'literal':
      return d.values![0];
    case 'enum':
      return Object.values(d.entries!)[0];
    case 'array': {
      const x = sample(d.element!, key, dir);
      return x === undefined ? undefined : [x];
    }
    default:
      return undefined;
  }
}

function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return target;
  const key = String(head);
  const next = path[1];
  if (rest.length === 0) target[key] = value;
  // An id inside a list of objects: the sampled element keeps its other fields.
  else if (next === 0) {
    const element = ((target[key] as unknown[] | undefined)?.[0] as Record<string, unknown> | undefined) ?? {};
    target[key] = [rest.length === 1 ? value : setAt(element, rest.slice(1), value)];
  }
  else target[key] = setAt((target[key] as Record<string, unknown> | undefined) ?? {}, rest, value);
  return target;
}

/**
 * Fields some inputs need before they are valid at all, tried in turn when the bare sample is
 * refused by its shape (a score's period; an item's or a draft's text; an instruction's feedback;
 * a file's path where an upload is the other choice).
 */
const FILL_INS: Record<string, unknown>[] = [
  {},
  { from: '2026-01-01', to: '2026-12-31' },
  { body: '正文一段。' },
  { text: '已办理。' },
  // a file given as a path or as uploaded bytes, one of the two (packetImport's unit, issue 17)
  { path: '不存在的上报包.zip' },
];

/** A valid-shaped input with `site` pointing at `missing`; undefined if none could be built. */
export function inputMissing(schema: z.ZodType, site: IdSite, missing: number | string, dir: string): unknown {
  // An input that is a union of shapes (listExport's one per list): the site may be in any of them.
  const d = defOf(effective(schema));
  const shapes = d.type === 'union' ? (d.options ?? []) : [schema];
  for (const shape of shapes) {
    const base = sample(shape, '', dir);
    if (base === undefined || typeof base !== 'object' || base === null) continue;
    for (const fill of FILL_INS) {
      const input = setAt(structuredClone({ ...fill, ...(base as Record<string, unknown>) }), site.path, missing);
      if (schema.safeParse(input).success) return input;
    }
  }
  return undefined;
}

export const siteName = (site: IdSite) => site.path.map((p) => (p === 0 ? '[]' : `.${p}`)).join('').replace(/^\./, '');
