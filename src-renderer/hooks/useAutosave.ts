/**
 * Timing for autosave: `schedule()` after each change waits until typing pauses; `flush()`
 * saves now (Ctrl+S, leaving the editor). Saves never overlap: a change made while one is
 * in flight is saved right after it, so the last text typed is always the one stored.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';

export const AUTOSAVE_DELAY_MS = 1500;

export function useAutosave(save: () => Promise<void>, delay = AUTOSAVE_DELAY_MS) {
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = (async () => {
      do {
        again.current = false;
        await saveRef.current();
      } while (again.current);
    })().finally(() => {
      running.current = null;
    });
    running.current = run;
    return run;
  }, []);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  }, [flush, delay]);

  const pending = useCallback(() => timer.current !== undefined, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  return useMemo(() => ({ schedule, flush, pending }), [schedule, flush, pending]);
}
