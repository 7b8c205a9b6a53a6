/**
 * The issue's pages as the pagination model lays them out (API op issueLayout), fetched again
 * whenever `version` changes (the issue after each change, the series' print settings). A
 * failed call is not an error to show: the preview falls back to the one-column likeness.
 */
import { useEffect, useState } from 'react';
import type { IssueLayout } from '../../src-main/api/layout-types';
import { useApi } from '../api/context';

export interface IssueLayoutState {
  layout: IssueLayout | null;
  /** True once a call has failed and no layout is known (the old preview is shown instead). */
  failed: boolean;
}

export function useIssueLayout(issueId: number | undefined, version: string): IssueLayoutState {
  const api = useApi();
  const [state, setState] = useState<IssueLayoutState>({ layout: null, failed: false });

  useEffect(() => {
    if (issueId === undefined) return;
    let live = true;
    // A short pause so dragging items or typing a date does not lay the issue out at every step.
    const timer = setTimeout(() => {
      api.call('issueLayout', { id: issueId }).then(
        (layout) => live && setState({ layout, failed: false }),
        () => live && setState({ layout: null, failed: true }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, issueId, version]);

  return state;
}
