import { useEffect, useMemo, useRef, useState } from 'react';
import type { Me } from '../../../../api/contract/admin';
import type { NotificationView } from '../../../../api/contract/notifications';
import { createApiClient, type ApiClient } from '../../api/api-client';
import { ApiError, errorMessage } from '../../api/api-error';
import type { HostSession } from '../../host/connect-host';
import type { ComposeTarget } from '../Compose/useCompose';

export type Screen =
  | { name: 'compose'; target: ComposeTarget; key: number }
  | { name: 'report'; id: string }
  | { name: 'notifications' | 'senders' | 'audit' };

export type NavName = 'compose' | 'notifications' | 'senders' | 'audit';

/** The signed-in user, the screen on show, and the switch to the "not authorised" screen on any 403. */
export function useApp(session: HostSession, client?: ApiClient) {
  const [me, setMe] = useState<Me>();
  const [forbidden, setForbidden] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [screen, setScreen] = useState<Screen>({ name: 'compose', target: { mode: 'new' }, key: 0 });
  const keys = useRef(0);
  const api = useMemo(() => client ?? createApiClient({ getToken: session.getToken, onForbidden: () => setForbidden(true) }), [client, session]);

  useEffect(() => {
    let active = true;
    api.me().then(
      (value) => active && (setMe(value), setForbidden((was) => was || value.roles.length === 0)),
      (error: unknown) => active && (error instanceof ApiError && error.status === 403 ? setForbidden(true) : setLoadError(errorMessage(error))),
    );
    return () => {
      active = false;
    };
  }, [api]);

  const compose = (target: ComposeTarget) => setScreen({ name: 'compose', target, key: ++keys.current });
  const nav = {
    openReport: (id: string) => setScreen({ name: 'report', id }),
    openDraft: (notification: NotificationView) => compose({ mode: 'draft', notification }),
    openEditSent: (notification: NotificationView) => compose({ mode: 'editSent', notification }),
    openList: () => setScreen({ name: 'notifications' }),
  };
  const go = (name: NavName) => (name === 'compose' ? compose({ mode: 'new' }) : setScreen({ name }));
  const selected: NavName = screen.name === 'report' ? 'notifications' : screen.name;

  return { api, me, forbidden, loadError, screen, nav, go, selected, isAdmin: me?.roles.includes('admin') ?? false };
}
