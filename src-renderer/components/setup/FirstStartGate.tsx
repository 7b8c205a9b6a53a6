/**
 * Opens an office with no series on the set-up wizard instead of empty pages. Left with
 * 稍后再设置, the window goes on as usual; the draft waits for the next start.
 */
import { Center, Loader } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { SetupState } from '../../../src-main/api/ops/setup';
import { useApi } from '../../api/context';
import { SetupWizard } from './SetupWizard';

export function FirstStartGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<SetupState | null | 'skip'>(null);

  useEffect(() => {
    // If the question cannot be answered (a damaged database, a read-only copy), open as usual.
    api.call('setupState', {}).then(setState, () => setState('skip'));
  }, [api]);

  if (state === null) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (state !== 'skip' && state.needed) {
    return <SetupWizard state={state} onLeave={() => setState('skip')} onDone={() => setState('skip')} />;
  }
  return <>{children}</>;
}
