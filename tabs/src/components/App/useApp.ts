import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createApiClient, type ApiClient } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { keys } from '../../api/queries';
import type { HostSession } from '../../host/connect-host';
import { formatRoute, parseRoute, type NotificationSection, type Route } from './route';

export type NavName = 'compose' | 'notifications' | 'senders' | 'audit';

/** Navigation the screens use; each call changes the address's fragment, so a reload returns here. */
export interface Navigation {
  go: (route: Route) => void;
  openReport: (id: string) => void;
  openDraft: (id: string) => void;
  openEditSent: (id: string) => void;
  openList: (section?: NotificationSection) => void;
  newDraft: () => void;
}

function currentHash(): string {
  return typeof window === 'undefined' ? '' : window.location.hash;
}

/** The signed-in user, the route on show, and the switch to the "not authorised" screen on any 403. */
export function useApp(session: HostSession, client?: ApiClient) {
  const queryClient = useQueryClient();
  const [route, setRoute] = useState<Route>(() => parseRoute(currentHash()));
  const [focusOnMount, setFocusOnMount] = useState(false);
  // A 403 may mean an administrator withdrew this person's role: ask who they are again; with no role left, the
  // "not authorised" screen replaces the tab. A sender refused one thing keeps the tab and reads why.
  const api = useMemo(
    () => client ?? createApiClient({ getToken: session.getToken, onForbidden: () => void queryClient.invalidateQueries({ queryKey: keys.me }) }),
    [client, session, queryClient],
  );
  const me = useQuery({ queryKey: keys.me, queryFn: () => api.me(), retry: false });

  useEffect(() => {
    const follow = () => setRoute(parseRoute(currentHash()));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const go = useCallback((next: Route) => {
    setFocusOnMount(true);
    const hash = formatRoute(next);
    // replaceState keeps Teams' own back button out of the tab's inner steps; the fragment still survives a reload.
    window.history.replaceState(null, '', hash);
    setRoute(next);
  }, []);

  const nav: Navigation = useMemo(
    () => ({
      go,
      openReport: (id) => go({ name: 'report', id }),
      openDraft: (id) => go({ name: 'compose', id }),
      openEditSent: (id) => go({ name: 'edit', id }),
      openList: (section = 'sent') => go({ name: 'notifications', section }),
      newDraft: () => go({ name: 'compose' }),
    }),
    [go],
  );

  const refused = me.error instanceof ApiError && me.error.status === 403;
  const value = me.data;
  const selected: NavName = route.name === 'report' ? 'notifications' : route.name === 'edit' ? 'compose' : route.name;
  return {
    api,
    me: value,
    forbidden: refused || (value !== undefined && value.roles.length === 0),
    loadError: me.error && !refused ? me.error : undefined,
    retry: () => void me.refetch(),
    who: value?.user.upn ?? session.user.upn ?? session.user.displayName,
    route,
    nav,
    focusOnMount,
    go: (name: NavName) => (name === 'notifications' ? nav.openList(route.name === 'notifications' ? route.section : 'sent') : go({ name } as Route)),
    selected,
    isAdmin: value?.roles.includes('admin') ?? false,
  };
}
