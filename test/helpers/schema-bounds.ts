/**
 * Walks a zod schema and reports every place where an input could be unbounded: a string with
 * no maximum length, an array with no maximum count, a number that is not limited, an object
 * that accepts keys it does not know, or a value that is not checked at all.
 */
import type { z } from 'zod';

export interface Unbounded {
  path: string;
  problem: string;
}

interface Check {
  _zod: { def: { check: string; format?: string; pattern?: RegExp; maximum?: number; value?: number } };
}
interface Def {
  type: string;
  checks?: Check[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  element?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def) => (d.checks ?? []).map((c) => c._zod.def);

/** A regular expression anchored at both ends whose every repetition has an upper bound. */
function boundedPattern(p: RegExp | undefined): boolean {
  if (!p) return false;
  const src = p.source;
  return src.startsWith('^') && src.endsWith('$') && !/[*+]|\{\d+,\}/.test(src.replace(/\\./g, ''));
}

/**
 * A schema that takes anything and checks it inside a transform (`z.unknown().transform(…)`):
 * what it accepts cannot be seen from outside.
 */
export function isOpaque(schema: z.ZodType): boolean {
  const d = defOf(schema);
  return d.type === 'pipe' && defOf(d.in!).type === 'unknown' && defOf(d.out!).type === 'transform';
}

export function unboundedParts(schema: z.ZodType, path = '', out: Unbounded[] = []): Unbounded[] {
  const d = defOf(schema);
  const at = path || '(input)';
  const checks = checksOf(d);
  switch (d.type) {
    case 'object':
      if (d.catchall === undefined || defOf(d.catchall).type !== 'never') out.push({ path: at, problem: 'accepts unknown keys (not .strict())' });
      for (const [k, v] of Object.entries(d.shape ?? {})) unboundedParts(v, path ? `${path}.${k}` : k, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      unboundedParts(d.innerType!, path, out);
      break;
    case 'pipe':
      unboundedParts(d.in!, path, out);
      unboundedParts(d.out!, path, out);
      break;
    case 'union':
      for (const o of d.options ?? []) unboundedParts(o, path, out);
      break;
    case 'intersection':
      unboundedParts(d.left!, path, out);
      unboundedParts(d.right!, path, out);
      break;
    case 'lazy':
      unboundedParts(d.getter!(), path, out);
      break;
    case 'array':
      if (!checks.some((c) => c.check === 'max_length' || c.check === 'length_equals')) out.push({ path: at, problem: 'array without a maximum length' });
      unboundedParts(d.element!, `${path}[]`, out);
      break;
    case 'string':
      if (!checks.some((c) => c.check === 'max_length' || c.check === 'length_equals' || (c.check === 'string_format' && boundedPattern(c.pattern)))) {
        out.push({ path: at, problem: 'string without a maximum length' });
      }
      break;
    case 'number': {
      const upper = checks.some((c) => c.check === 'less_than' || (c.check === 'number_format' && /int/.test(c.format ?? '')));
      if (!upper) out.push({ path: at, problem: 'number without an upper bound' });
      break;
    }
    case 'transform':
    case 'literal':
    case 'enum':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'never':
      break;
    default:
      out.push({ path: at, problem: `unchecked value (${d.type})` });
  }
  return out;
}
