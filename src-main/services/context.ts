/** What every service call gets: the open database and a clock (tests fix the clock). */
import os from 'node:os';
import type { Logger } from '../log/logger';
import type { DB } from '../store/db';

export interface Ctx {
  /**
   * Read at each use, never kept: restoring a backup (services/backups.ts) closes this
   * connection and puts the one to the restored file in its place, so a door holds the Ctx,
   * not the DB, and closes `ctx.db` when it stops.
   */
  db: DB;
  now: () => Date;
  /** Set by a door that keeps a log (log/logger.ts); dispatch() records every call in it. */
  logger?: Logger;
  /**
   * Set by a door whose start-up check runs in the background (services/write-gate.ts):
   * dispatch() waits for it before any operation that may write, and refuses if it failed.
   */
  writeGate?: Promise<void>;
  /** Set with the door's daily check schedule (services/write-gate.ts): stops it when the door closes. */
  stopChecks?: () => void;
  /**
   * Who is working (操作人), written into every audit entry and the workflow columns:
   * the CLI's --operator / BULLETIN_OPERATOR, or the name the desktop asked for at start
   * (operatorSet). Unset, it is the OS user (operatorOf).
   */
  operator?: string;
}

export function createCtx(db: DB, now: () => Date = () => new Date()): Ctx {
  return { db, now };
}

/** The operator of this call: the one the door set, else the OS user's name. */
export function operatorOf(ctx: Ctx): string {
  return ctx.operator ?? osUserName();
}

export function osUserName(): string {
  let name = '';
  try {
    name = os.userInfo().username;
  } catch {
    // no passwd entry (some containers): fall back to the environment
  }
  name = (name || process.env.USER || process.env.USERNAME || '').trim();
  return name ? name.slice(0, 60) : '未署名';
}

/** A timestamp for created/updated columns: UTC ISO, sortable as text. */
export function stampNow(ctx: Ctx): string {
  return ctx.now().toISOString();
}

/** Today's calendar date on this PC, as printed on an issue. */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
