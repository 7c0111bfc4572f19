import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../tabs/src/components/App/App';
import { connectHost, type ConnectOptions } from '../../../tabs/src/host/connect-host';
import { loadLanguage } from '../../../tabs/src/strings';
import { createFakeServer, type FakeServer } from './fake-server';
import { senderMe, tabConfig } from './fixtures';

/** A server that signs the tab in (tab-config, the emulator's SSO door) and knows an authorised sender. */
export function signedInServer(me: unknown = senderMe): FakeServer {
  const server = createFakeServer();
  server.on('GET', '/api/tab-config', tabConfig);
  server.on('POST', '/contoso/_emulator/sso-token', { token_type: 'Bearer', access_token: 'sso-token-for-adele', expires_in: 3600 });
  server.on('GET', '/api/me', me);
  server.on('GET', '/api/notifications', { value: [] });
  return server;
}

/**
 * Renders the whole tab the way main.tsx does: connects to the host (standalone unless `host` says otherwise) with
 * `server` answering every fetch, then mounts the App.
 */
export async function renderTab(server: FakeServer, host: ConnectOptions = { href: 'http://tab.test/?standalone=1' }) {
  globalThis.fetch = server.fetch as typeof fetch;
  const user = userEvent.setup();
  const session = await connectHost(host);
  // As main.tsx does: the person's language is fetched before the first render.
  await loadLanguage(session.locale);
  let view: ReturnType<typeof render> | undefined;
  await act(async () => {
    view = render(<App session={session} />);
  });
  return { user, session, view: view as ReturnType<typeof render> };
}

/** Opens a step of the compose flow by its tab ("1. Content", "2. Audience", "3. Review and send"). */
export async function openStep(user: ReturnType<typeof userEvent.setup>, name: RegExp | string) {
  const { screen } = await import('@testing-library/react');
  await user.click(await screen.findByRole('button', { name }));
}
