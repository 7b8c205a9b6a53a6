/** How one entry of the API table is declared: an input schema, a summary, a result type. */
import { z } from 'zod';
import * as s from '../schemas';

export interface OpDef<I extends z.ZodType, O> {
  input: I;
  summary: string;
  /** Read-only operations may run on a database opened read-only. */
  readonly: boolean;
  /** Phantom: carries the result type, never set at run time. */
  readonly result?: O;
}

export const op =
  <O>() =>
  <I extends z.ZodType>(input: I, summary: string, readonly = false): OpDef<I, O> => ({ input, summary, readonly });

export const none = z.object({}).strict();
export const byId = (what: string) => z.object({ id: s.id(what) }).strict();

/**
 * Schemas checked inside a wrapper's transform (ops/scoring.ts named() re-words zod's messages):
 * the wrapper takes `unknown`, so what it accepts cannot be read from outside. The wrapped
 * schema is remembered here so tools that walk the table (the API fuzz test's id finder and
 * limits check) still see every field.
 */
const wrappedSchemas = new WeakMap<z.ZodType, z.ZodType>();

export function wraps<T extends z.ZodType>(wrapper: T, inner: z.ZodType): T {
  wrappedSchemas.set(wrapper, inner);
  return wrapper;
}

/** The schema a wrapper checks inside, if `schema` is such a wrapper. */
export function innerSchema(schema: z.ZodType): z.ZodType | undefined {
  return wrappedSchemas.get(schema);
}
