/**
 * Where the user is: a page and, within it, the open item or issue. Kept in React state rather
 * than the address, because the Electron window has no address bar and the token lives there.
 */
import { createContext, useContext } from 'react';

export type Route =
  | { page: 'intake'; submissionId?: number }
  | { page: 'articles'; articleId?: number | 'new' }
  | { page: 'issues'; issueId?: number }
  | { page: 'archive'; issueId?: number }
  | { page: 'packets' }
  | { page: 'stats' }
  | { page: 'backups' }
  | { page: 'audit' }
  | { page: 'settings' };

export type PageName = Route['page'];

export interface Nav {
  route: Route;
  /** Counts navigations, so going to the same place again (Ctrl+N twice) starts afresh. */
  seq: number;
  go: (route: Route) => void;
}

export const NavContext = createContext<Nav>({ route: { page: 'articles' }, seq: 0, go: () => {} });

export function useNav(): Nav {
  return useContext(NavContext);
}
