/** How one entry of the API table is declared: an input schema, a summary, a result type. */
import { z } from 'zod';
import * as s from '../schemas';

/**
 * How the audit trail (操作日志) records an operation. Every entry that is not read-only is
 * logged when it changes the database (its entry goes into that same transaction), with the
 * object and summary derived in api/audit-entry.ts (the object from `id`, `issueId`,
 * `articleId`… of the input or the result; the summary from the input's short fields, a
 * `reason` always kept, item texts never). An op says more only when the defaults miss:
 */
export interface AuditSpec {
  /**
   * It writes or hands out a file (an export, a backup, a restore, a download): logged once it
   * succeeds even when no row of the database changed. A read-only op with `file` is a
   * download, logged when the database can be written.
   */
  file?: boolean;
  /** `kind:id`, e.g. `issue:12`; '' when the operation has no single object. */
  object?: (args: never, result: never) => string;
  /** One line in Chinese, e.g. 签发为第12期. */
  summary?: (args: never, result: never) => string;
}

export interface OpOptions {
  /** Read-only operations may run on a database opened read-only, and are not logged (but see AuditSpec.file). */
  readonly?: boolean;
  audit?: AuditSpec;
}

export interface OpDef<I extends z.ZodType, O> {
  input: I;
  summary: string;
  /** Read-only operations may run on a database opened read-only. */
  readonly: boolean;
  /** See AuditSpec. */
  audit?: AuditSpec;
  /** Phantom: carries the result type, never set at run time. */
  readonly result?: O;
}

/** Shorthands: an op that writes a file, and a read-only one that hands a file out. */
export const writesFile: OpOptions = { audit: { file: true } };
export const download: OpOptions = { readonly: true, audit: { file: true } };

/**
 * Declares an operation. The input schema is given as a function and built the first time
 * `input` is read: building all 155 schemas took a fifth of every `bulletin` command's start
 * (issue 14), and a command needs one of them.
 */
export const op =
  <O>() =>
  <I extends z.ZodType>(input: () => I, summary: string, options: boolean | OpOptions = false): OpDef<I, O> => {
    const o = typeof options === 'boolean' ? { readonly: options } : options;
    let built: I | undefined;
    return {
      get input(): I {
        return (built ??= input());
      },
      summary,
      readonly: o.readonly ?? false,
      ...(o.audit ? { audit: o.audit } : {}),
    };
  };

/** Typed helper for an AuditSpec: the callbacks see the op's parsed input and its result. */
export const audit = <A, R>(spec: { file?: boolean; object?: (args: A, result: R) => string; summary?: (args: A, result: R) => string }): AuditSpec =>
  spec as AuditSpec;

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
