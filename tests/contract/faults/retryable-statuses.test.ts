import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { FaultsConfig } from '../../../emulator/faults/schema';

/**
 * The fault file accepts every status Microsoft documents as retryable for the Connector ("Retry 412, 429, 502,
 * 503, 504", Teams' rate-limiting guidance; 412 is PreconditionFailed on concurrent operations in one conversation)
 * and for Graph (429 with or without Retry-After, 503/504 serviceNotAvailable), each answered with the service's
 * own error body.
 */
describe('injected faults with the documented retryable statuses', () => {
  let emulator: RunningEmulator;
  let stateDir: string;
  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'faults-retryable-'));
    emulator = await startEmulator({
      port: 0, users: 20, seed: 7, limits: 'off', stateDir,
      faults: {
        rules: [
          { id: 'graph-412', service: 'graph', path: '/v1\\.0/users/412', status: 412 },
          { id: 'graph-429-bare', service: 'graph', path: '/v1\\.0/users/429', status: 429, retryAfterSeconds: null },
          { id: 'graph-504', service: 'graph', path: '/v1\\.0/users/504', status: 504 },
          { id: 'connector-412', service: 'connector', path: '/conversations/c-412/', status: 412 },
          { id: 'connector-429-bare', service: 'connector', path: '/conversations/c-429/', status: 429, retryAfterSeconds: null },
          { id: 'connector-429', service: 'connector', path: '/conversations/c-429-after/', status: 429, retryAfterSeconds: 2.5 },
          { id: 'connector-502', service: 'connector', path: '/conversations/c-502/', status: 502 },
          { id: 'connector-503', service: 'connector', path: '/conversations/c-503/', status: 503 },
          { id: 'connector-504', service: 'connector', path: '/conversations/c-504/', status: 504 },
        ],
      },
    });
  });
  afterAll(async () => {
    await emulator.close();
    await rm(stateDir, { recursive: true, force: true });
  });

  const graph = (path: string) => fetch(`${emulator.info.graphBaseUrl}${path}`, { headers: { 'client-request-id': 'fault-check' } });
  const send = (conversationId: string) =>
    fetch(`${emulator.info.botServiceUrl}v3/conversations/${conversationId}/activities`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hi' }) });

  it('when a Graph 412 fires, then Graph answers PreconditionFailed in its error shape', async () => {
    const response = await graph('/users/412');
    expect(response.status).toBe(412);
    expect(await response.json()).toEqual({ error: { code: 'PreconditionFailed', message: expect.any(String), innerError: expect.objectContaining({ 'client-request-id': 'fault-check' }) } });
  });

  it('when a Graph 429 is configured without Retry-After, then the 429 carries no Retry-After header', async () => {
    const response = await graph('/users/429');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBeNull();
    expect((await response.json()).error.code).toBe('TooManyRequests');
  });

  it('when a Graph 504 fires, then Graph answers serviceNotAvailable', async () => {
    const response = await graph('/users/504');
    expect(response.status).toBe(504);
    expect((await response.json()).error.code).toBe('serviceNotAvailable');
  });

  it('when Connector faults fire, then each answers its status with the Connector error body, Retry-After only where configured', async () => {
    const answers = await Promise.all(['c-412', 'c-429', 'c-429-after', 'c-502', 'c-503', 'c-504'].map(async (id) => {
      const response = await send(id);
      return { status: response.status, retryAfter: response.headers.get('retry-after'), code: ((await response.json()) as { error: { code: string } }).error.code };
    }));
    expect(answers).toEqual([
      { status: 412, retryAfter: null, code: 'PreconditionFailed' },
      { status: 429, retryAfter: null, code: 'Throttled' },
      { status: 429, retryAfter: '2.5', code: 'Throttled' },
      { status: 502, retryAfter: null, code: 'ServiceError' },
      { status: 503, retryAfter: null, code: 'ServiceError' },
      { status: 504, retryAfter: null, code: 'ServiceError' },
    ]);
  });

  it('when a fault file names a status that is not retryable, or 412 for Entra, then it is refused', () => {
    expect(FaultsConfig.safeParse({ rules: [{ service: 'graph', status: 404 }] }).success).toBe(false);
    expect(FaultsConfig.safeParse({ rules: [{ service: 'connector', status: 400 }] }).success).toBe(false);
    expect(FaultsConfig.safeParse({ rules: [{ service: 'entra', status: 412 }] }).success).toBe(false);
    expect(FaultsConfig.safeParse({ rules: [{ service: 'connector', status: 412 }, { service: 'graph', status: 502 }, { service: 'any', status: 429, retryAfterSeconds: null }] }).success).toBe(true);
  });
});
