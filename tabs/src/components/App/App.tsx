import { FluentProvider, Spinner, Text } from '@fluentui/react-components';
import { SegmentNav } from '../SegmentNav/SegmentNav';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { allowLoopbackImages } from '../../../../api/contract/card-content';
import type { Me } from '../../../../api/contract/admin';
import type { ApiClient } from '../../api/api-client';
import { ApiProvider } from '../../api/api-provider';
import { createQueryClient } from '../../api/queries';
import type { HostSession } from '../../host/connect-host';
import { HostProvider, useHost } from '../../host/host-provider';
import { setLocale, strings } from '../../strings';
import { fluentTheme } from '../../theme/fluent-theme';
import { LoadFailed } from './LoadFailed';
import { Screens } from './Screens';
import { ScreenFocus } from './screen-focus';
import { useApp, type NavName } from './useApp';
import { useAppStyles } from './useAppStyles.styles';

export interface AppProps {
  session: HostSession;
  /** Tests and the e2e harness may hand in a client; the tab builds its own from the session otherwise. */
  client?: ApiClient;
  queryClient?: QueryClient;
}

/** The tab: the person's language, the host's theme, the data cache, the navigation and the screen on show. */
export function App(props: AppProps) {
  // Before anything renders: every string below is read from the language Teams says the person uses.
  useState(() => setLocale(props.session.locale));
  // Local mode serves uploaded images on this loopback address; the card schema accepts them only there.
  useState(() => allowLoopbackImages(isLoopback(window.location.hostname)));
  const [queryClient] = useState(() => props.queryClient ?? createQueryClient());
  return (
    <HostProvider session={props.session}>
      <QueryClientProvider client={queryClient}>
        <Themed>
          <Shell {...props} />
        </Themed>
      </QueryClientProvider>
    </HostProvider>
  );
}

function Themed(props: { children: React.ReactNode }) {
  const { theme } = useHost();
  const styles = useAppStyles();
  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider} data-theme={theme}>
      {props.children}
    </FluentProvider>
  );
}

function Shell(props: AppProps) {
  const app = useApp(props.session, props.client);
  const styles = useAppStyles();
  if (app.forbidden) return <Screens.NotAuthorised admins={app.me?.admins ?? []} who={app.who} />;
  if (app.loadError) return <LoadFailed error={app.loadError} who={app.who} onRetry={app.retry} />;
  // The compose form does not wait for who the person is (two more round trips on a slow connection): it is usable
  // at once, and the "not authorised" screen replaces it if the answer says so. Other screens wait.
  if (!app.me && app.route.name !== 'compose') return <Spinner className={styles.loading} label={strings.loading} />;
  const me = app.me ?? PENDING_ME;
  const tabs: NavName[] = app.isAdmin ? ['compose', 'notifications', 'senders', 'audit'] : ['compose', 'notifications'];
  const role = strings.me.roles[app.isAdmin ? 'admin' : 'sender'];
  return (
    <ApiProvider client={app.api}>
      <header className={styles.header}>
        <SegmentNav as="nav" label={strings.nav.label} current="page" selected={app.selected} onSelect={app.go} items={tabs.map((name) => ({ value: name, label: strings.nav[name] }))} />
        {app.me ? <Text size={200} className={styles.me}>{strings.me.signedInAs(app.me.user.displayName, role)}</Text> : null}
      </header>
      <main className={styles.main}>
        <ScreenFocus.Provider value={app.focusOnMount}>
          <Suspense fallback={<Spinner className={styles.loading} label={strings.loading} />}>
            <Screens.Current route={app.route} me={me} nav={app.nav} />
          </Suspense>
        </ScreenFocus.Provider>
      </main>
    </ApiProvider>
  );
}

/** Who is signed in, until `/api/me` answers: nobody in particular, with no audience kinds yet. */
const PENDING_ME: Me = { user: { id: '', displayName: '', upn: '' }, roles: [], allowedAudienceKinds: [], admins: [] };

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
