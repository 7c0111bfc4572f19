import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';

// Bursts far above a limit: 100 local requests fired at once land well inside the 1-second windows.
const BURST = 100;

let emulator: RunningEmulator;

async function token(clientId: string, secret: string, scope: string): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope });
  const issued = await (await fetch(emulator.info.tokenEndpoint, { method: 'POST', body: form })).json();
  return issued.access_token as string;
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, users: 50, seed: 7, limits: 'real', stateDir: await mkdtemp(path.join(tmpdir(), 'limits-')) });
});

afterAll(() => emulator.close());

describe('limits over HTTP', () => {
  it('when a burst of installedApps reads exceeds 30 per second, then Graph answers 429 with Retry-After and the rule is counted', async () => {
    const bearer = await token(emulator.info.graphClientId, emulator.info.graphClientSecret, 'https://graph.microsoft.com/.default');
    const userId = emulator.context.state.directory.users[0]!.id;
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: BURST }, () => fetch(`${emulator.info.graphBaseUrl}/users/${userId}/teamwork/installedApps`, { headers: { authorization: `Bearer ${bearer}` } })),
    );
    // 30 per second in each window the burst touched: on a loaded machine 100 requests can spread over more than
    // one second, so the bound follows how long they took rather than assuming they all landed in one.
    const windows = Math.ceil((Date.now() - started) / 1000) + 1;
    const throttled = responses.filter((response) => response.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(responses.filter((response) => response.status === 200).length).toBeLessThanOrEqual(30 * windows);
    expect(Number(throttled[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await throttled[0]!.json()).toMatchObject({ error: { code: 'TooManyRequests' } });
    const summary = await (await fetch(`${emulator.info.inspectUrl}/summary`)).json();
    expect(summary.throttled['graph.installedApps.get']).toBe(throttled.length);
  });

  it('when a burst of sends hits one chat, then the Connector answers 429 with a whole-second Retry-After', async () => {
    await fetch(`${emulator.info.inspectUrl}/preinstall`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 1 }) });
    const { installations } = await (await fetch(`${emulator.info.inspectUrl}/installations`)).json();
    const conversationId = installations[0].conversationId as string;
    const bearer = await token(emulator.info.botAppId, emulator.info.botAppPassword, 'https://api.botframework.com/.default');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${emulator.info.botServiceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
          body: JSON.stringify({ type: 'message', text: `burst ${i}` }),
        }),
      ),
    );
    const throttled = responses.filter((response) => response.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(20 - 8);
    expect(throttled[0]!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    const summary = await (await fetch(`${emulator.info.inspectUrl}/summary`)).json();
    expect(summary.throttled['teams.send']).toBe(throttled.length);
  });
});
