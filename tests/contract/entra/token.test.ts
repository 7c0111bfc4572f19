import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { RunningEmulator } from '../../../emulator/server';
import { claimsOf, fixture, msalFor, shapeDifferences, startTestEmulator } from '../connector/harness';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const BOT_SCOPE = 'https://api.botframework.com/.default';

describe('Entra ID token endpoint, driven by the unmodified msal-node', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  const graphClient = () => ({ clientId: emulator.info.graphClientId, clientSecret: emulator.info.graphClientSecret });
  const botClient = () => ({ clientId: emulator.info.botAppId, clientSecret: emulator.info.botAppPassword });
  const verify = async (token: string, tenant: string) => {
    const jwks = createRemoteJWKSet(new URL(`${emulator.info.authorityBaseUrl}/${tenant}/discovery/v2.0/keys`));
    return (await jwtVerify(token, jwks)).payload;
  };

  it('when the Graph client asks for a Graph token, then it gets an app token with its consented roles', async () => {
    const msal = await msalFor(emulator, graphClient());
    const result = await msal.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    const claims = await verify(result!.accessToken, emulator.info.tenantId);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${emulator.info.tenantId}/`,
      tid: emulator.info.tenantId,
      appid: emulator.info.graphClientId,
      azp: emulator.info.graphClientId,
      idtyp: 'app',
      ver: '1.0',
    });
    expect(claims.oid).toBe(claims.sub);
    expect(claims.roles).toEqual(expect.arrayContaining(['TeamsAppInstallation.ReadWriteSelfForUser.All', 'User.Read.All']));
  });

  it('when the bot asks the botframework.com tenant for a Connector token, then the token is the Bot Framework one', async () => {
    const msal = await msalFor(emulator, botClient(), 'botframework.com');
    const result = await msal.acquireTokenByClientCredential({ scopes: [BOT_SCOPE] });
    const claims = await verify(result!.accessToken, 'botframework.com');
    expect(claims).toMatchObject({
      aud: 'https://api.botframework.com',
      iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/',
      appid: emulator.info.botAppId,
      azp: emulator.info.botAppId,
    });
    expect(claims.roles).toBeUndefined();
  });

  it('when the secret is wrong, then msal reports invalid_client with AADSTS7000215', async () => {
    const msal = await msalFor(emulator, { clientId: emulator.info.graphClientId, clientSecret: 'not-the-secret' });
    await expect(msal.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] })).rejects.toMatchObject({
      errorCode: 'invalid_client',
      errorMessage: expect.stringContaining('AADSTS7000215'),
    });
  });

  it('when a token is issued over plain HTTP, then the response has the documented keys and types', async () => {
    const response = await postToken(emulator.info.tokenEndpoint, { ...form(graphClient()), scope: GRAPH_SCOPE });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(shapeDifferences(body, fixture('token-response.json').payload)).toEqual([]);
    expect(claimsOf(body.access_token).aud).toBe('https://graph.microsoft.com');
  });

  it.each<{ label: string; overrides: Record<string, string>; status: number; error: string; code: number }>([
    { label: 'an unknown client', overrides: { client_id: '00000000-0000-0000-0000-000000000001', client_secret: 'x', scope: GRAPH_SCOPE }, status: 400, error: 'unauthorized_client', code: 700016 },
    { label: 'a scope without /.default', overrides: { scope: 'https://graph.microsoft.com/User.Read.All' }, status: 400, error: 'invalid_scope', code: 1002012 },
    { label: 'an unsupported grant', overrides: { grant_type: 'password', scope: GRAPH_SCOPE }, status: 400, error: 'unsupported_grant_type', code: 70003 },
    { label: 'a wrong secret', overrides: { client_secret: 'wrong', scope: GRAPH_SCOPE }, status: 401, error: 'invalid_client', code: 7000215 },
  ])('when the request has $label, then Entra answers $status $error in its error shape', async ({ overrides, status, error, code }) => {
    const response = await postToken(emulator.info.tokenEndpoint, { ...form(graphClient()), ...overrides });
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body).toEqual({
      error,
      error_description: expect.stringMatching(new RegExp(`^AADSTS${code}: .+\\r\\nTrace ID: .+\\r\\nCorrelation ID: .+\\r\\nTimestamp: .+Z$`, 's')),
      error_codes: [code],
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/),
      trace_id: expect.any(String),
      correlation_id: expect.any(String),
      error_uri: `${emulator.info.authorityBaseUrl}/error?code=${code}`,
    });
  });

  it('when the tenant domain is used as authority, then the token carries the tenant id', async () => {
    const domain = emulator.context.state.directory.tenantDomain;
    const response = await postToken(`${emulator.info.authorityBaseUrl}/${domain}/oauth2/v2.0/token`, { ...form(graphClient()), scope: GRAPH_SCOPE });
    expect(claimsOf((await response.json()).access_token).tid).toBe(emulator.info.tenantId);
  });

  it('when the OpenID metadata is read, then its issuer and endpoints point at the emulator', async () => {
    const metadata = await (await fetch(`${emulator.info.authorityBaseUrl}/${emulator.info.tenantId}/v2.0/.well-known/openid-configuration`)).json();
    expect(metadata).toMatchObject({
      issuer: `${emulator.info.authorityBaseUrl}/${emulator.info.tenantId}/v2.0`,
      token_endpoint: emulator.info.tokenEndpoint,
      jwks_uri: `${emulator.info.authorityBaseUrl}/${emulator.info.tenantId}/discovery/v2.0/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });
});

function form(client: { clientId: string; clientSecret: string }): Record<string, string> {
  return { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret };
}

function postToken(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
}
