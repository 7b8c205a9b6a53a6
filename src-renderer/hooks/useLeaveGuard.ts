/**
 * Asks before unsaved changes are left behind: an in-app move (the nav guard of App.tsx) and a
 * reload or a closed window (beforeunload; in the desktop the main process turns that into a
 * Chinese question, electron/main.ts). The guard gets the latest callback on each call.
 */
import { useEffect, useRef } from 'react';
import { useNav } from '../nav';

export function useLeaveGuard(dirty: boolean, mayLeave: () => Promise<boolean>, onUnload?: () => void) {
  const { setLeaveGuard } = useNav();
  const latest = useRef({ mayLeave, onUnload });
  latest.current = { mayLeave, onUnload };

  useEffect(() => {
    setLeaveGuard?.(() => latest.current.mayLeave());
    return () => setLeaveGuard?.(null);
  }, [setLeaveGuard]);

  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      latest.current.onUnload?.();
      e.preventDefault();
      // Older engines still want returnValue set to show their question.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}
