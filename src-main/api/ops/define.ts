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
