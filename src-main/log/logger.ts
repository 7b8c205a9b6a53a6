/**
 * The app's log: one line per API call and per notable event, in `<data folder>/logs/bulletin.log`
 * (1 MB, then rotated; five old files kept). A line holds the time, the level, the operation's
 * name, how long it took and its error code. It never holds what an item, a title or an error
 * message says: every value passes a character allowlist, so no text from the data can reach
 * the file even by mistake. A log is for a maintainer; the office's text is not theirs to read.
 */
import path from 'node:path';
import { RotatingFile } from './rotating-file';

export type Level = 'INFO' | 'WARN' | 'ERROR';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  /** One API call: its name, milliseconds, and 'ok' or the error code. */
  op(name: string, ms: number, result: string): void;
  /** Something a door did: start, stop, a daily backup, a restore. */
  event(level: Level, name: string, fields?: LogFields): void;
}

export const LOG_DIR_NAME = 'logs';
export const LOG_FILE_NAME = 'bulletin.log';
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_KEEP = 5;

/** Letters, digits and a few separators, at most 64 characters; anything else becomes '_'. */
export function safeValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '-';
  return String(v)
    .slice(0, 64)
    .replace(/[^A-Za-z0-9_.:+-]/g, '_');
}

export function formatLine(at: Date, level: Level, fields: LogFields): string {
  const parts = Object.entries(fields).map(([k, v]) => `${safeValue(k)}=${safeValue(v)}`);
  return `${at.toISOString()} ${level.padEnd(5)} ${parts.join(' ')}\n`;
}

function levelOf(result: string): Level {
  if (result === 'ok') return 'INFO';
  return result === 'INTERNAL' ? 'ERROR' : 'WARN';
}

export function createLogger(dataDir: string, now: () => Date = () => new Date()): Logger {
  const file = new RotatingFile(path.join(dataDir, LOG_DIR_NAME, LOG_FILE_NAME), { maxBytes: LOG_MAX_BYTES, keep: LOG_KEEP });
  const write = (level: Level, fields: LogFields) => {
    try {
      file.append(formatLine(now(), level, fields));
    } catch {
      // A full or read-only disk must not stop the work the log was only recording.
    }
  };
  return {
    op: (name, ms, result) => write(levelOf(result), { op: name, ms: Math.round(ms), result }),
    event: (level, name, fields = {}) => write(level, { event: name, ...fields }),
  };
}

/** The logger beside a database file: its folder is the data folder. */
export function loggerFor(dbPath: string): Logger {
  return createLogger(path.dirname(path.resolve(dbPath)));
}
