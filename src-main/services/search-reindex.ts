/**
 * Rebuilding the full-text index of the whole database (重建检索索引): after an upgrade that
 * changes what is indexed, or to repair. Slice by slice, each its own transaction, yielding to
 * the event loop between slices, so the app and the bridge keep answering and writes go on
 * meanwhile; `searchReindexStatus` tells how far it is (the CLI's progress bar, the UI's).
 */
import { ApiError } from '../api/errors';
import type { ReindexStatus, Reindexed } from '../api/ops/search';
import { rebuildSearchIndex, type RebuildProgress } from '../store/search-index';
import type { DB } from '../store/db';
import type { Ctx } from './context';

interface Running extends RebuildProgress {
  startedAt: number;
}

/** The rebuild under way, per connection (one at a time). */
const running = new WeakMap<DB, Running>();

export async function searchReindex(ctx: Ctx): Promise<Reindexed> {
  const db = ctx.db;
  if (running.has(db)) throw new ApiError('INVALID_STATE', '检索索引正在重建，请等它完成后再试。');
  const state: Running = { done: 0, total: 0, startedAt: performance.now() };
  running.set(db, state);
  try {
    const r = await rebuildSearchIndex(db, {
      onProgress: (p) => Object.assign(state, p),
      pause: () => new Promise((resolve) => setImmediate(resolve)),
    });
    return { documents: r.documents, seconds: Math.round(r.ms / 100) / 10 };
  } finally {
    running.delete(db);
  }
}

export function searchReindexStatus(ctx: Ctx): ReindexStatus {
  const r = running.get(ctx.db);
  if (!r) return { running: null };
  const elapsed = (performance.now() - r.startedAt) / 1000;
  const left = r.done > 0 ? Math.round((elapsed * (r.total - r.done)) / r.done) : null;
  return { running: { done: r.done, total: r.total, percent: r.total ? Math.floor((100 * r.done) / r.total) : 0, secondsLeft: left } };
}
