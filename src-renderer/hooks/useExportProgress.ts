/**
 * A long export's progress while its call runs: the page asks the API how far it got
 * (exportProgress) every few hundred milliseconds, as the backup page does, and can ask it to
 * stop (exportStop) — it then stops after the file it is writing and answers with what it did.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExportProgress, TaskKind } from '../../src-main/api/ops/year-export';
import { useApi } from '../api/context';

const POLL_MS = 300;

export function useExportProgress(kind: TaskKind) {
  const api = useApi();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [stopping, setStopping] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  // An answer to a poll can arrive after the export ended: it must not show a bar again.
  const running = useRef(false);

  useEffect(() => () => clearInterval(timer.current), []);

  const track = async <T,>(work: () => Promise<T>): Promise<T> => {
    clearInterval(timer.current);
    running.current = true;
    setProgress(null);
    setStopping(false);
    timer.current = setInterval(() => {
      void api.call('exportProgress', { kind }).then(
        (s) => running.current && s.running && setProgress(s.running),
        () => {},
      );
    }, POLL_MS);
    try {
      return await work();
    } finally {
      running.current = false;
      clearInterval(timer.current);
      setProgress(null);
    }
  };

  /** A stop pressed before the export has begun on the other side is asked again until it lands or the export ends. */
  const stop = async () => {
    setStopping(true);
    while (running.current) {
      if ((await api.call('exportStop', { kind })).stopping) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  return { progress, stopping, track, stop };
}
