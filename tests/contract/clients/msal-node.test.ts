import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { spawnEmulator, type SpawnedEmulator } from '../../../emulator/spawn';
import { startHttpsEmulator, type HttpsEmulator } from './https-emulator';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/**
 * msal-node accepts only https authorities, and validates any host but Microsoft's through instance discovery on
 * login.microsoftonline.com unless the host is in `knownAuthorities`. Against the https emulator the documented
 * configuration for a private cloud is all it takes: the authority on the emulator and its host listed as known;
 * msal then reads the tenant's OpenID metadata (`{authority}/v2.0/.well-known/openid-configuration`) from it.
 */
describe('@azure/msal-node against the https emulator, by configuration only', () => {
  let https: HttpsEmulator;
  beforeAll(async () => {
    https = await startHttpsEmulator();
  });
  afterAll(() => https.close());

  const client = (clientId: string, clientSecret: string, tenant: string) =>
    new ConfidentialClientApplication({
      auth: { clientId, clientSecret, authority: `${https.emulator.info.authorityBaseUrl}/${tenant}`, knownAuthorities: [https.host] },
    });

  it('when the Graph client app asks for a Graph token, then msal discovers the tenant and returns a token with its roles', async () => {
    const { info } = https.emulator;
    const result = await client(info.graphClientId, info.graphClientSecret, info.tenantId).acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    const claims = decodeJwt(result!.accessToken);
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', tid: info.tenantId, appid: info.graphClientId });
    expect(claims.roles).toEqual(expect.arrayContaining(['User.Read.All', 'AppCatalog.Read.All']));
    // The token works on the emulator's Graph over https.
    const users = await fetch(`${info.graphBaseUrl}/users?$top=1`, { headers: { Authorization: `Bearer ${result!.accessToken}` } });
    expect(users.status).toBe(200);
  });

  it('when the bot asks for a Bot Framework token in botframework.com, then msal returns one for the Connector', async () => {
    const { info } = https.emulator;
    const result = await client(info.botAppId, info.botAppPassword, 'botframework.com').acquireTokenByClientCredential({ scopes: ['https://api.botframework.com/.default'] });
    expect(decodeJwt(result!.accessToken)).toMatchObject({ aud: 'https://api.botframework.com', appid: info.botAppId });
  });

  it('when the secret is wrong, then msal reports Entra\'s invalid_client error', async () => {
    const { info } = https.emulator;
    await expect(client(info.graphClientId, 'not-the-secret', info.tenantId).acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] })).rejects.toMatchObject({
      errorCode: 'invalid_client',
    });
  });
});

/**
 * The documented route for a separate process: `npm run emulator -- --tls` prints `caCertPath` on its first line, and
 * a client started with `NODE_EXTRA_CA_CERTS` pointing at it trusts the emulator with no code of its own.
 */
describe('npm run emulator -- --tls and NODE_EXTRA_CA_CERTS', () => {
  let spawned: SpawnedEmulator;
  let stateDir: string;
  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'herald-tls-cli-'));
    spawned = await spawnEmulator(['--tls', '--port', '0', '--users', '20', '--limits', 'off', '--state-dir', stateDir]);
  });
  afterAll(async () => {
    await spawned.stop();
    await rm(stateDir, { recursive: true, force: true });
  });

  it('when started with --tls, then the first line has https URLs and the CA path', () => {
    const { info } = spawned;
    expect(info.caCertPath).toMatch(/ca\.pem$/);
    for (const url of [info.origin, info.authorityBaseUrl, info.tokenEndpoint, info.graphBaseUrl, info.botServiceUrl, info.channelOpenIdMetadataUrl, info.teamsClientUrl, info.inspectUrl]) {
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+/);
    }
  });

  it('when a Node process starts with NODE_EXTRA_CA_CERTS at the CA, then msal-node gets a token from the emulator', async () => {
    const { info } = spawned;
    const script = `
      const { ConfidentialClientApplication } = require('@azure/msal-node');
      const [authority, host, clientId, clientSecret] = process.argv.slice(1);
      new ConfidentialClientApplication({ auth: { clientId, clientSecret, authority, knownAuthorities: [host] } })
        .acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })
        .then((result) => process.stdout.write(result.accessToken.split('.').length === 3 ? 'token' : 'no token'), (error) => { process.stderr.write(String(error)); process.exit(1); });
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-e', script, `${info.authorityBaseUrl}/${info.tenantId}`, new URL(info.origin).host, info.graphClientId, info.graphClientSecret],
      { cwd: process.cwd(), env: { ...process.env, NODE_EXTRA_CA_CERTS: info.caCertPath } },
    );
    expect(stdout).toBe('token');
  });

  it('when the CA is not trusted, then the same client refuses the emulator\'s certificate', async () => {
    const { info } = spawned;
    const script = `fetch(process.argv[1]).then(() => process.stdout.write('connected'), (error) => process.stdout.write(String(error.cause && error.cause.code)));`;
    const { NODE_EXTRA_CA_CERTS: _ignored, ...env } = process.env;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, info.channelOpenIdMetadataUrl], { env });
    expect(stdout).toBe('SELF_SIGNED_CERT_IN_CHAIN');
  });
});
