import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0, users: 50, seed: 7, limits: 'off', stateDir: await mkdtemp(path.join(tmpdir(), 'faults-')),
    faults: {
      rules: [
        { id: 'users-503', service: 'graph', method: 'GET', path: '/v1\\.0/users$', status: 503, schedule: { times: 1 } },
        { id: 'connector-drop', service: 'connector', drop: true, schedule: { times: 1 } },
        { id: 'token-503', service: 'entra', path: '/oauth2/v2\\.0/token', status: 503, schedule: { times: 1 } },
      ],
    },
  });
});

afterAll(() => emulator.close());

const inspectSummary = async (): Promise<any> => (await fetch(`${emulator.info.inspectUrl}/summary`)).json();

describe('fault middleware over HTTP', () => {
  it('when a Graph fault fires, then the client gets a 503 with Graph\'s error body, and the next request is served', async () => {
    const response = await fetch(`${emulator.info.graphBaseUrl}/users`, { headers: { 'client-request-id': 'abc-123' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({
      error: {
        code: 'serviceNotAvailable',
        message: expect.any(String),
        innerError: { date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), 'request-id': response.headers.get('request-id'), 'client-request-id': 'abc-123' },
      },
    });
    // Served by Graph this time: no token, so Graph's own 401.
    expect((await fetch(`${emulator.info.graphBaseUrl}/users`)).status).toBe(401);
  });

  it('when a Connector fault drops the connection, then the client sees the socket close without an answer', async () => {
    const sending = fetch(`${emulator.info.botServiceUrl}v3/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await expect(sending).rejects.toThrow(/fetch failed/);
    const retry = await fetch(`${emulator.info.botServiceUrl}v3/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(retry.status).toBe(401);
  });

  it('when an Entra fault fires, then the token endpoint answers with an OAuth error body', async () => {
    const response = await fetch(emulator.info.tokenEndpoint, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'temporarily_unavailable', error_codes: [90033], trace_id: expect.any(String) });
  });

  it('when faults were injected, then the inspection API counts them per rule', async () => {
    expect((await inspectSummary()).faultsInjected).toEqual({ 'users-503': 1, 'connector-drop': 1, 'token-503': 1 });
  });

  it('when faults are replaced at runtime, then the new rules apply at once and the emulator\'s own tools are never faulted', async () => {
    const put = await fetch(`${emulator.info.inspectUrl}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ id: 'everything', service: 'any', status: 500 }] }),
    });
    expect(await put.json()).toEqual({ rules: 1 });
    const graph = await fetch(`${emulator.info.graphBaseUrl}/users`);
    expect(graph.status).toBe(500);
    expect((await graph.json()).error.code).toBe('generalException');
    const connector = await fetch(`${emulator.info.botServiceUrl}v3/conversations/x/activities`, { method: 'POST' });
    expect(await connector.json()).toEqual({ error: { code: 'ServiceError', message: expect.any(String) } });
    expect((await inspectSummary()).faultsInjected).toEqual({ everything: 2 });
    expect((await fetch(`${emulator.info.teamsClientUrl}api/users`)).status).toBe(200);
  });

  it('when a runtime faults body is invalid, then it is refused with the bad field named', async () => {
    const put = await fetch(`${emulator.info.inspectUrl}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ service: 'graph', status: 200 }] }),
    });
    expect(put.status).toBe(400);
    expect((await put.json()).error.message).toMatch(/rules\[0\]\.status/);
  });
});
