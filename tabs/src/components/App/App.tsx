import { FluentProvider, MessageBar, MessageBarBody, Spinner, Tab, TabList } from '@fluentui/react-components';
import type { ApiClient } from '../../api/api-client';
import { ApiProvider } from '../../api/api-provider';
import type { HostSession } from '../../host/connect-host';
import { HostProvider, useHost } from '../../host/host-provider';
import { strings } from '../../strings/en';
import { fluentTheme } from '../../theme/fluent-theme';
import { Screens } from './Screens';
import { useApp, type NavName } from './useApp';
import { useAppStyles } from './useAppStyles.styles';

export interface AppProps {
  session: HostSession;
  /** Tests and the e2e harness may hand in a client; the tab builds its own from the session otherwise. */
  client?: ApiClient;
}

/** The tab: the host's theme, the signed-in user's API client, the navigation and the screen on show. */
export function App(props: AppProps) {
  return (
    <HostProvider session={props.session}>
      <Themed>
        <Shell {...props} />
      </Themed>
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
  if (app.forbidden) return <Screens.NotAuthorised admins={app.me?.admins ?? []} />;
  if (app.loadError) return <MessageBar intent="error"><MessageBarBody>{app.loadError}</MessageBarBody></MessageBar>;
  if (!app.me) return <Spinner className={styles.loading} label={strings.loading} />;
  const tabs: NavName[] = app.isAdmin ? ['compose', 'notifications', 'senders', 'audit'] : ['compose', 'notifications'];
  return (
    <ApiProvider client={app.api}>
      <nav className={styles.nav} aria-label={strings.nav.label}>
        <TabList selectedValue={app.selected} onTabSelect={(_, data) => app.go(data.value as NavName)}>
          {tabs.map((name) => <Tab key={name} value={name}>{strings.nav[name]}</Tab>)}
        </TabList>
      </nav>
      <main className={styles.main}>
        <Screens.Current screen={app.screen} me={app.me} nav={app.nav} />
      </main>
    </ApiProvider>
  );
}
