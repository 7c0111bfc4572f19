import { reachableMembers } from '../support/deliveries';
import { startApiHerald, type ApiHerald } from './support/api-herald';

describe("the tab's API accepts people's tokens only", () => {
  let t: ApiHerald;
  beforeAll(async () => {
    t = await startApiHerald();
  });
  afterAll(() => t.close());

  /** A token signed by the tenant's real key for the tab's resource: with `overrides` it can become app-only. */
  const signed = (overrides: Record<string, unknown>) => {
    const now = Math.floor(Date.now() / 1000);
    const tenantId = t.emulator.info.tenantId;
    const admin = reachableMembers(t.emulator).find((user) => user.userPrincipalName === t.adminUpn)!;
    return t.emulator.context.signing.sign({
      aud: t.resource,
      iss: `${t.emulator.info.authorityBaseUrl}/${tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      oid: admin.id,
      tid: tenantId,
      preferred_username: admin.userPrincipalName,
      ver: '2.0',
      ...overrides,
    });
  };

  it('when the emulated Teams signs a person in, then the token is delegated (scp) and the API accepts it', async () => {
    const token = await t.tokenFor(t.adminUpn);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { scp?: string; roles?: string[] };
    expect(claims.scp).toBe('access_as_user');
    expect((await t.call(token, 'GET', '/api/me')).status).toBe(200);
  });

  it('when an app-only token (roles, no scp) names an administrator, then 401 says only a signed-in person may call', async () => {
    const appOnly = await signed({ roles: ['User.Read.All'], idtyp: 'app', azp: t.emulator.info.graphClientId });
    const answer = await t.call(appOnly, 'GET', '/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual({ code: 'unauthenticated', message: expect.stringMatching(/signed-in person's token only/) });
    const listing = await t.call(appOnly, 'GET', '/api/notifications');
    expect(listing.status).toBe(401);
  });

  it('when a token carries an empty scp, then it is refused as well', async () => {
    const answer = await t.call(await signed({ scp: '  ' }), 'GET', '/api/me');
    expect(answer.status).toBe(401);
  });
});
