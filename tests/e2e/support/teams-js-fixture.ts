import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TeamsJsFixture {
  /** The page's URL: a tab on its own origin, like Herald's tab beside the emulator. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * A tiny tab that does what Herald's tab does with the real `@microsoft/teams-js` bundle: `app.initialize` with
 * the given host origins, `getContext`, `authentication.getAuthToken`, a theme handler. It writes each outcome
 * into an element with a `data-testid`, so the test reads what teams-js itself resolved.
 */
export async function startTeamsJsFixture(validMessageOrigins: string[]): Promise<TeamsJsFixture> {
  const app = express();
  app.get('/teams-js.js', (_req, res) => res.sendFile(require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js')));
  app.get('/tab/', (_req, res) => void res.type('html').send(page(validMessageOrigins)));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/tab/`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function page(origins: string[]): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>teams-js fixture</title><script src="/teams-js.js"></script></head>
<body>
<dl>
  <dt>initialized</dt><dd data-testid="initialized">no</dd>
  <dt>error</dt><dd data-testid="error"></dd>
  <dt>context</dt><dd data-testid="context"></dd>
  <dt>supports</dt><dd data-testid="supports"></dd>
  <dt>token</dt><dd data-testid="token"></dd>
  <dt>theme</dt><dd data-testid="theme"></dd>
</dl>
<script>
  const out = (id, value) => { document.querySelector('[data-testid="' + id + '"]').textContent = typeof value === 'string' ? value : JSON.stringify(value); };
  const { app, authentication, dialog, teamsCore } = microsoftTeams;
  app.initialize(${JSON.stringify(origins)}).then(async () => {
    out('initialized', 'yes');
    const context = await app.getContext();
    out('context', { user: context.user, app: { theme: context.app.theme, locale: context.app.locale, appId: String(context.app.appId), host: context.app.host }, page: context.page });
    out('theme', context.app.theme);
    out('supports', { teamsCore: teamsCore.isSupported(), dialog: dialog.isSupported() });
    app.registerOnThemeChangeHandler((theme) => out('theme', theme));
    out('token', await authentication.getAuthToken());
  }).catch((error) => out('error', String(error && error.message || error)));
</script>
</body></html>`;
}
