/**
 * Keeps the editor's unsaved text in the main process's scratch store (draftSave) at most
 * DRAFT_KEEP_MS after a change, however long the typing goes on, so a crash or a closed window
 * loses only the last moments. Saving and clearing go through one queue: a keep that was already
 * on its way can never land after the clear that followed the real save.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { DraftFields } from '../../src-main/api/ops/drafts';
import { useApi } from '../api/context';

export const DRAFT_KEEP_MS = 2000;

export function useDraftKeeper(key: string, fields: DraftFields, dirty: boolean, enabled: boolean) {
  const api = useApi();
  const latest = useRef({ key, fields, dirty, enabled });
  latest.current = { key, fields, dirty, enabled };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const kept = useRef<string | null>(null);

  const enqueue = useCallback((job: () => Promise<unknown>) => {
    const next = queue.current.then(job).catch(() => {
      // The scratch store is a safety net: a failure to keep is not worth an error in the user's face.
    });
    queue.current = next;
    return next;
  }, []);

  const keepNow = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const { key: k, fields: f, dirty: d, enabled: e } = latest.current;
    if (!d || !e) return Promise.resolve();
    const text = JSON.stringify(f);
    if (kept.current === `${k}\n${text}`) return Promise.resolve();
    kept.current = `${k}\n${text}`;
    return enqueue(() => api.call('draftSave', { key: k, fields: f }));
  }, [api, enqueue]);

  useEffect(() => {
    if (!dirty || !enabled || timer.current !== undefined) return;
    timer.current = setTimeout(() => void keepNow(), DRAFT_KEEP_MS);
  }, [fields, dirty, enabled, keepNow]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const clear = useCallback(
    (...keys: string[]) => {
      clearTimeout(timer.current);
      timer.current = undefined;
      kept.current = null;
      return enqueue(() => Promise.all(keys.map((k) => api.call('draftClear', { key: k }))));
    },
    [api, enqueue],
  );

  return useMemo(() => ({ keepNow, clear }), [keepNow, clear]);
}
