import express from 'express';
import { loadEnv } from '../../config/env';
import { createStore } from '../../adapters/sql/create-store';
import type { Store } from '../../core/store/store';
import { startWebServer, type RunningWebServer } from '../../api/http/web-server';
import { createHeraldMetrics } from '../../api/metrics/herald-metrics';
import { serveMetrics, type ServedMetrics } from '../../api/metrics/metrics-route';

describe('HERALD_METRICS keeps /metrics off the public port when asked', () => {
  let store: Store;
  const opened: Array<RunningWebServer | ServedMetrics> = [];
  beforeAll(async () => {
    store = await createStore({ url: ':memory:' });
  });
  afterEach(async () => {
    for (const item of opened.splice(0)) await item.close();
  });
  afterAll(() => store.close());

  /** The public server as the composition root builds it, with /metrics served as `value` says. */
  async function serverWith(value: string | undefined): Promise<{ publicUrl: string; served: ServedMetrics }> {
    const env = loadEnv(value === undefined ? {} : { HERALD_METRICS: value });
    const app = express();
    const served = await serveMetrics({ setting: env.HERALD_METRICS, host: '127.0.0.1', mount: (router) => app.use(router), metrics: createHeraldMetrics(), sources: { store } });
    app.use((_req, res) => void res.status(404).end());
    const web = await startWebServer(app, '127.0.0.1', 0);
    opened.push(web, served);
    return { publicUrl: web.url, served };
  }
  const status = async (url: string) => (await fetch(url)).status;

  it('when nothing is set, then /metrics is on the public port (as before)', async () => {
    const { publicUrl, served } = await serverWith(undefined);
    expect(served.where).toBe('public');
    const answer = await fetch(`${publicUrl}/metrics`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('herald_recipients');
  });

  it('when HERALD_METRICS is a port, then /metrics answers there only and the public port answers 404', async () => {
    const { publicUrl, served } = await serverWith(String(await freePort()));
    expect(served.where).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(await status(served.where)).toBe(200);
    expect(await status(`${publicUrl}/metrics`)).toBe(404);
  });

  it('when HERALD_METRICS is off, then no port serves /metrics', async () => {
    const { publicUrl, served } = await serverWith('off');
    expect(served.where).toBe('off');
    expect(await status(`${publicUrl}/metrics`)).toBe(404);
  });

  it('when HERALD_METRICS is neither public, off nor a port, then the configuration error names it', () => {
    expect(() => loadEnv({ HERALD_METRICS: 'private' })).toThrow(/HERALD_METRICS: must be public, off or a port number/);
    expect(() => loadEnv({ HERALD_METRICS: '70000' })).toThrow(/HERALD_METRICS: the port must be between 1 and 65535/);
  });
});

/** A port nothing listens on now (the OS picks it). */
async function freePort(): Promise<number> {
  const probe = await startWebServer(express(), '127.0.0.1', 0);
  await probe.close();
  return probe.port;
}
