/**
 * Where the user is: a page and, within it, the open item or issue. Kept in React state rather
 * than the address, because the Electron window has no address bar and the token lives there.
 */
import { createContext, useContext } from 'react';

export type Route =
  | { page: 'intake'; submissionId?: number }
  /** `recover`: the user chose 恢复 for this editor's kept text at start-up (DraftRecovery). */
  | { page: 'articles'; articleId?: number | 'new'; recover?: boolean }
  | { page: 'issues'; issueId?: number }
  | { page: 'archive'; issueId?: number }
  | { page: 'packets' }
  | { page: 'stats' }
  | { page: 'backups' }
  | { page: 'audit' }
  | { page: 'settings' }
  /** the 工作台, the first page (issue 16, branch dash) */
  | { page: 'dashboard' };

export type PageName = Route['page'];

/**
 * Asked before any move to another place: resolves true when the page may be left (its changes
 * saved, or the user chose to drop them), false to stay.
 */
export type LeaveGuard = () => Promise<boolean>;

export interface Nav {
  route: Route;
  /** Counts navigations, so going to the same place again (Ctrl+N twice) starts afresh. */
  seq: number;
  /** Goes there once the open page's guard (if any) lets it go. */
  go: (route: Route) => void;
  /** The open page's guard; null removes it. One at a time: only the open editor has one. (Absent in tests that give a bare Nav.) */
  setLeaveGuard?: (guard: LeaveGuard | null) => void;
}

export const NavContext = createContext<Nav>({ route: { page: 'articles' }, seq: 0, go: () => {}, setLeaveGuard: () => {} });

export function useNav(): Nav {
  return useContext(NavContext);
}
