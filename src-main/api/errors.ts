/**
 * Typed errors of the API table. Every refusal carries a stable `code` for programs
 * and a Chinese `message` written for the information officer who will read it.
 */
export const ERROR_CODES = [
  'INVALID_INPUT', // the request itself is malformed or out of range
  'NOT_FOUND', // an id or name that does not exist
  'CONFLICT', // would break a uniqueness rule (same name, article already used…)
  'FROZEN', // touches a signed or voided issue, or an article printed in one
  'INVALID_STATE', // the workflow does not allow this step now
  'BUSY', // another program holds the database for too long
  'DB_TOO_NEW', // the file was written by a newer version of the app
  'DB_NOT_OURS', // the file is not a Bulletin Desk database
  'DB_DAMAGED', // the file fails SQLite's integrity check
  'DISK_FULL', // the disk holding the database or the chosen folder has no room left
  'READ_ONLY', // the database or the chosen folder is on a read-only disk, or the file is read-only
  'UNAUTHORIZED', // a door refused the caller: no valid access token, or a foreign page or host
  'INTERNAL', // a fault in the program itself
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /**
   * A refused input, field by field (the input's top-level names): one message each, without the
   * field's name, so a form can show it under that field and clear it when the field changes.
   */
  fields?: Record<string, string>;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (fields && Object.keys(fields).length > 0) this.fields = fields;
  }
  toJSON(): ApiErrorShape {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

/** Said whenever a write finds no room: nothing was changed, and what to do about it. */
export const DISK_FULL_ADVICE =
  '请删除不需要的文件、清空回收站，或把数据换到空间更大的磁盘后再试。未作任何修改，已有的数据完好，仍可查看。';

/** A refusal is the user's to fix; INTERNAL is ours. Doors map them to exit 2 and 1. */
export function isRefusal(code: ErrorCode): boolean {
  return code !== 'INTERNAL';
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorShape).message === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as ApiErrorShape).code)
  );
}
