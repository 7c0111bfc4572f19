import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import express from 'express';
import { loadEnv } from '../../config/env';
import { tabRoutes } from '../../api/routes/tab-routes';
import { startWebServer, type RunningWebServer } from '../../api/http/web-server';

/** A POST with any Host header (fetch will not send a Host of our choosing). */
function post(address: string, port: number, path: string, host: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const call = httpRequest({ host: address, port, path, method: 'POST', headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (answer) => {
      let text = '';
      answer.on('data', (chunk: Buffer) => (text += chunk.toString()));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body: text }));
    });
    call.on('error', reject);
    call.end(payload);
  });
}

/** This machine's first non-loopback IPv4 address, if it has one. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

describe('the local sign-in door (/api/_emulator/sso-token)', () => {
  let emulatorSso: RunningWebServer;
  let herald: RunningWebServer;
  let asked = 0;
  const body = { upn: 'ana@contoso.test', resource: 'api://localhost/app' };

  beforeAll(async () => {
    // Stands in for the emulator's SSO endpoint: it counts who got through the door.
    const sso = express();
    sso.post('/tenant/_emulator/sso-token', (_req, res) => {
      asked += 1;
      res.json({ access_token: 'token' });
    });
    emulatorSso = await startWebServer(sso, '127.0.0.1', 0);
    const app = express();
    app.use(tabRoutes({ resource: () => 'api://localhost/app', emulator: { ssoTokenUrl: `${emulatorSso.url}/tenant/_emulator/sso-token`, defaultUpn: 'ana@contoso.test', teamsClientOrigin: 'http://127.0.0.1:4100' } }));
    // Listening everywhere only to prove that a caller from another address is refused (Herald itself refuses this).
    herald = await startWebServer(app, lanAddress ? '0.0.0.0' : '127.0.0.1', 0);
  });
  afterAll(async () => {
    await herald.close();
    await emulatorSso.close();
  });
  beforeEach(() => {
    asked = 0;
  });

  it('when a caller on this machine names localhost or 127.0.0.1, then it gets a token', async () => {
    for (const host of [`127.0.0.1:${herald.port}`, `localhost:${herald.port}`, 'localhost']) {
      expect((await post('127.0.0.1', herald.port, '/api/_emulator/sso-token', host, body)).status).toBe(200);
    }
    expect(asked).toBe(3);
  });

  it('when the Host header names another machine (a DNS-rebinding page), then 403 and the emulator is not asked', async () => {
    for (const host of ['evil.example', `evil.example:${herald.port}`, '10.0.0.5', '127.0.0.1.nip.io']) {
      const answer = await post('127.0.0.1', herald.port, '/api/_emulator/sso-token', host, body);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body).error.message).toMatch(/only on this machine/);
    }
    expect(asked).toBe(0);
  });

  (lanAddress ? it : it.skip)('when the caller comes from another address, then 403 even with a loopback Host header', async () => {
    const answer = await post(lanAddress!, herald.port, '/api/_emulator/sso-token', `127.0.0.1:${herald.port}`, body);
    expect(answer.status).toBe(403);
    expect(asked).toBe(0);
  });

  it('when local mode is asked to listen on a non-loopback address, then Herald refuses to start with a sentence', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'herald.contoso.example']) {
      expect(() => loadEnv({ HERALD_HOST: host })).toThrow(/HERALD_HOST: is not a loopback address, and local mode \(the emulator\) serves a sign-in door/);
    }
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.1.1']) expect(loadEnv({ HERALD_HOST: host }).HERALD_HOST).toBe(host);
    const tenant = {
      HERALD_TENANT_ID: '00000000-0000-4000-8000-000000000001',
      HERALD_CLIENT_ID: '00000000-0000-4000-8000-000000000002',
      HERALD_CLIENT_SECRET: 'secret',
      HERALD_BOT_ID: '00000000-0000-4000-8000-000000000003',
      HERALD_BOT_PASSWORD: 'password',
      HERALD_APP_EXTERNAL_ID: '00000000-0000-4000-8000-000000000004',
    };
    // With a real tenant there is no sign-in door: any address will do.
    expect(loadEnv({ ...tenant, HERALD_HOST: '0.0.0.0' }).HERALD_HOST).toBe('0.0.0.0');
  });
});
