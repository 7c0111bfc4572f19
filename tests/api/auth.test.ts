import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { reachableMembers } from '../support/deliveries';
import { startApiHerald, type ApiHerald } from './support/api-herald';

describe('the admin API: who may call it', () => {
  let t: ApiHerald;
  let outsider: { id: string; userPrincipalName: string };
  beforeAll(async () => {
    t = await startApiHerald();
    outsider = reachableMembers(t.emulator)[5]!;
  });
  afterAll(() => t.close());

  /** The claims the emulator's Entra puts in an SSO token, for tokens the tests sign themselves. */
  const claims = (overrides: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const tenantId = t.emulator.info.tenantId;
    return { aud: t.resource, iss: `${t.emulator.info.authorityBaseUrl}/${tenantId}/v2.0`, iat: now, nbf: now, exp: now + 3600, oid: outsider.id, tid: tenantId, preferred_username: outsider.userPrincipalName, name: 'Someone', ver: '2.0', ...overrides };
  };

  it('when no token is sent, then 401 says to sign in', async () => {
    const answer = await t.call(undefined, 'GET', '/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual({ code: 'unauthenticated', message: expect.stringMatching(/no token/) });
  });

  it('when the token has expired, then 401 says so', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await t.emulator.context.signing.sign(claims({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }));
    const answer = await t.call(expired, 'GET', '/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toMatch(/expired/);
  });

  it("when the token is signed with another key under the authority's key id, then 401 names the signature", async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const genuine = await t.tokenFor(outsider.userPrincipalName);
    const { kid } = JSON.parse(Buffer.from(genuine.split('.')[0]!, 'base64url').toString()) as { kid: string };
    const forged = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey);
    const answer = await t.call(forged, 'GET', '/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toMatch(/signature/);
  });

  it('when the token was issued for another application, then 401 names the audience', async () => {
    const other = await t.tokenFor(outsider.userPrincipalName, `api://elsewhere.example/${t.emulator.info.graphClientId}`);
    const answer = await t.call(other, 'GET', '/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toMatch(/another application/);
  });

  it('when the token is from a tenant not on the allow-list, then 401 names the tenant', async () => {
    const stranger = randomUUID();
    const token = await t.emulator.context.signing.sign(claims({ tid: stranger, iss: `${t.emulator.info.authorityBaseUrl}/${stranger}/v2.0` }));
    const answer = await t.call(token, 'GET', '/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toContain(stranger);
  });

  it('when the header is not a bearer token or the token is not a JWT, then 401', async () => {
    const basic = await fetch(`${t.baseUrl}/api/me`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    expect((await t.call('not-a-jwt', 'GET', '/api/me')).status).toBe(401);
  });

  it('when someone without a role signs in, then /api/me answers 200 with no roles and names the admins', async () => {
    const answer = await t.call(await t.tokenFor(outsider.userPrincipalName), 'GET', '/api/me');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ user: { id: outsider.id, upn: outsider.userPrincipalName }, roles: [], allowedAudienceKinds: [] });
    expect(answer.body.admins).toEqual([expect.stringContaining(t.adminUpn)]);
  });

  it('when someone without a role calls sender and admin routes, then each answers 403', async () => {
    const token = await t.tokenFor(outsider.userPrincipalName);
    for (const [method, route] of [
      ['GET', '/api/notifications'],
      ['POST', '/api/notifications'],
      ['POST', '/api/audience/preview'],
      ['GET', '/api/search?q=a'],
      ['GET', '/api/senders'],
      ['GET', '/api/audit'],
    ] as const) {
      const answer = await t.call(token, method, route, method === 'POST' ? {} : undefined);
      expect([route, answer.status, answer.body.error?.code]).toEqual([route, 403, 'forbidden']);
    }
  });

  it('when a sender who is not an admin calls admin routes, then 403; an admin gets 200', async () => {
    const admin = await t.tokenFor(t.adminUpn);
    await t.call(admin, 'PUT', `/api/senders/${outsider.id}`, { role: 'sender', allowedAudienceKinds: ['group'] });
    const sender = await t.tokenFor(outsider.userPrincipalName);
    expect((await t.call(sender, 'GET', '/api/notifications')).status).toBe(200);
    expect((await t.call(sender, 'GET', '/api/senders')).status).toBe(403);
    expect((await t.call(admin, 'GET', '/api/senders')).status).toBe(200);
    await t.call(admin, 'PUT', `/api/senders/${outsider.id}`, { role: 'none', allowedAudienceKinds: [] });
  });

  it('when the tab config is asked without a token, then it names the sign-in door, and answers carry security headers and a request id', async () => {
    const answer = await t.call(undefined, 'GET', '/api/tab-config');
    expect(answer.status).toBe(200);
    expect(answer.body.standalone).toEqual({ ssoTokenUrl: `${t.baseUrl}/api/_emulator/sso-token`, resource: t.resource, defaultUpn: t.adminUpn });
    // The emulator's client may be opened as 127.0.0.1 or as localhost: both origins may host the tab.
    const origin = new URL(t.emulator.info.teamsClientUrl);
    expect(answer.body.teamsHostOrigins).toEqual([`http://127.0.0.1:${origin.port}`, `http://localhost:${origin.port}`]);
    const me = await t.call(await t.tokenFor(t.adminUpn), 'GET', '/api/me');
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    expect(me.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });

  it('when the tab signs in through the same-origin door, then the token it gets is accepted', async () => {
    const door = await fetch(`${t.baseUrl}/api/_emulator/sso-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn: t.adminUpn, resource: t.resource }) });
    expect(door.status).toBe(200);
    const { access_token } = (await door.json()) as { access_token: string };
    expect((await t.call(access_token, 'GET', '/api/me')).body.roles).toEqual(['admin', 'sender']);
  });
});
