/**
 * What decides whether a database is checked before it is written (issue 14): a whole-file
 * check (quick_check: 39 s on a 100k-item archive) runs only after an unclean stop, on a daily
 * schedule in the background, or when the user asks (`bulletin check`) — never on the ordinary
 * write path.
 *
 * An unclean stop is known by session markers: every process that opens the database for
 * writing leaves a small file in a folder beside it (`bulletin.db.open/<pid>-<random>`) and
 * removes it when it closes the database or exits. A marker whose process no longer runs was
 * left by a crash, a kill or a power cut. (SQLite's leftover -wal file says the same, but also
 * appears while the app itself has the file open, so it cannot tell a crash from a neighbour.)
 *
 * The last check's time and answer are kept beside the database (`bulletin.db.check.json`), not
 * in it: a damaged file cannot be written, and the answer must still refuse writes next time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type CheckReason = 'unclean-stop' | 'scheduled' | 'manual' | 'at-open';

export interface CheckRecord {
  /** When the check finished (UTC ISO). */
  at: string;
  ok: boolean;
  reason: CheckReason;
  /** SQLite's first complaint, or the archive's findings in short; '' when sound. */
  detail: string;
}

/** The scheduled check runs when the last one is older than this. */
export const CHECK_EVERY_MS = 24 * 3600_000;

export function sessionsDir(file: string): string {
  return `${file}.open`;
}

export function checkRecordFile(file: string): string {
  return `${file}.check.json`;
}

/** Whether process `pid` still runs (a marker or a part-file left by a dead one is stale). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Markers left by processes that no longer run: each one an unclean stop. */
export function staleSessions(file: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(sessionsDir(file));
  } catch {
    return [];
  }
  return names
    .filter((n) => {
      const pid = Number(/^(\d+)-/.exec(n)?.[1]);
      return Number.isInteger(pid) && pid > 0 && !processAlive(pid);
    })
    .map((n) => path.join(sessionsDir(file), n));
}

/** Removes markers once their unclean stop has been answered by a check that passed. */
export function clearSessions(markers: readonly string[]): void {
  for (const m of markers) fs.rmSync(m, { force: true });
}

const open = new Set<string>();
let exitHook = false;

/**
 * Marks this process as writing the database; the returned function removes the mark (at a
 * clean close). A process that ends normally without closing removes its marks on exit; one
 * that is killed leaves them, which is the point. Where the folder cannot be written (a
 * read-only place) nothing is marked and nothing is lost but the crash detection.
 */
export function beginSession(file: string): () => void {
  const marker = path.join(sessionsDir(file), `${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.mkdirSync(sessionsDir(file), { recursive: true });
    fs.writeFileSync(marker, '');
  } catch {
    return () => {};
  }
  open.add(marker);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const m of open) fs.rmSync(m, { force: true });
    });
  }
  return () => {
    open.delete(marker);
    fs.rmSync(marker, { force: true });
    // The folder goes with its last marker, so a database closed cleanly leaves nothing behind.
    try {
      fs.rmdirSync(sessionsDir(file));
    } catch {
      // another process still has the database open
    }
  };
}

export function readCheckRecord(file: string): CheckRecord | null {
  try {
    const r = JSON.parse(fs.readFileSync(checkRecordFile(file), 'utf8')) as Partial<CheckRecord>;
    return typeof r.at === 'string' && typeof r.ok === 'boolean'
      ? { at: r.at, ok: r.ok, reason: r.reason ?? 'manual', detail: typeof r.detail === 'string' ? r.detail : '' }
      : null;
  } catch {
    return null;
  }
}

/** Written through a temporary name and a rename: a reader sees the old answer or the new one. */
export function writeCheckRecord(file: string, record: CheckRecord): void {
  const target = checkRecordFile(file);
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(record));
    fs.renameSync(tmp, target);
  } catch {
    // A read-only place: the answer still holds for this run.
    fs.rmSync(tmp, { force: true });
  }
}

/** After a restore the file is another one: what was found about the old one no longer holds. */
export function forgetCheckRecord(file: string): void {
  fs.rmSync(checkRecordFile(file), { force: true });
}

export function checkDue(file: string, now: Date): boolean {
  const r = readCheckRecord(file);
  return !r || !r.ok || now.getTime() - Date.parse(r.at) >= CHECK_EVERY_MS || Number.isNaN(Date.parse(r.at));
}

/** 上次检查：2026年12月5日 08:10，完好 — for the backup page and `bulletin check`. */
export function checkRecordText(r: CheckRecord | null): string {
  if (!r) return '尚未检查过数据库是否完好。';
  const d = new Date(r.at);
  const p = (n: number) => String(n).padStart(2, '0');
  const when = `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
  return `上次检查：${when}，${r.ok ? '完好' : `发现损坏（${r.detail || '详见日志'}）`}`;
}
