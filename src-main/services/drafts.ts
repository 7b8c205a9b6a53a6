/**
 * The editor's scratch store (api/ops/drafts.ts): one small JSON file beside the database,
 * `<database>.drafts.json`, replaced whole on each change (written to a temporary file, flushed,
 * renamed), so a crash leaves the old or the new content, never half of one. Kept out of the
 * database on purpose: a draft is not a record — it must not enter the audit trail, wait for the
 * start-up check, or be carried into backups as if it were data.
 *
 * A database in memory (tests) or on a disk that cannot be written keeps its drafts in memory:
 * the store never refuses the editor, it just keeps less.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OpArgs } from '../api/contract';
import type { EditorDraft } from '../api/ops/drafts';
import { stampNow, type Ctx } from './context';

const memory = new WeakMap<object, Map<string, EditorDraft>>();

function fileOf(ctx: Ctx): string | null {
  const name = ctx.db.name;
  if (!name || name === ':memory:') return null;
  return `${path.resolve(name)}.drafts.json`;
}

function read(ctx: Ctx): Map<string, EditorDraft> {
  const mem = memory.get(ctx.db);
  if (mem) return mem;
  const file = fileOf(ctx);
  const map = new Map<string, EditorDraft>();
  if (file) {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      if (Array.isArray(parsed)) {
        for (const d of parsed as EditorDraft[]) {
          if (d && typeof d.key === 'string' && d.fields && typeof d.savedAt === 'string') map.set(d.key, d);
        }
      }
    } catch {
      // No file yet, or one a crash left unreadable (it cannot: it is renamed into place whole): nothing kept.
    }
  }
  return map;
}

function write(ctx: Ctx, map: Map<string, EditorDraft>): void {
  const file = fileOf(ctx);
  if (file && !memory.has(ctx.db)) {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      if (map.size === 0) {
        fs.rmSync(file, { force: true });
        return;
      }
      const fd = fs.openSync(tmp, 'w');
      try {
        fs.writeFileSync(fd, JSON.stringify([...map.values()]));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
      return;
    } catch {
      fs.rmSync(tmp, { force: true });
      // A read-only or full disk: keep them in memory for as long as this window runs.
    }
  }
  memory.set(ctx.db, map);
}

export function saveDraft(ctx: Ctx, args: OpArgs<'draftSave'>): { key: string; savedAt: string } {
  const map = read(ctx);
  const savedAt = stampNow(ctx);
  map.set(args.key, { key: args.key, fields: args.fields, savedAt });
  write(ctx, map);
  return { key: args.key, savedAt };
}

export function listDrafts(ctx: Ctx): EditorDraft[] {
  return [...read(ctx).values()].sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
}

export function clearDraft(ctx: Ctx, args: OpArgs<'draftClear'>): { key: string; cleared: boolean } {
  const map = read(ctx);
  const cleared = map.delete(args.key);
  if (cleared) write(ctx, map);
  return { key: args.key, cleared };
}
