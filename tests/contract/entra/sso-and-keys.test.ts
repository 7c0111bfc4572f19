import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { issueSsoToken, SsoError } from '../../../emulator/entra/router';
import type { RunningEmulator } from '../../../emulator/server';
import { startTestEmulator } from '../connector/harness';

describe('Tab SSO tokens', () => {
  let emulator: RunningEmulator;
  let resource: string;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    resource = `api://localhost:53000/${emulator.info.botAppId}`;
  });
  afterAll(() => emulator.close());

  const ssoUrl = () => `${emulator.info.authorityBaseUrl}/${emulator.info.tenantId}/_emulator/sso-token`;
  const post = (body: unknown) => fetch(ssoUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('when a tab asks for a user token, then it is a v2 delegated token the API can validate against the JWKS', async () => {
    const user = emulator.context.state.directory.users[0]!;
    const response = await post({ upn: user.userPrincipalName, resource });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number), access_token: expect.any(String) });
    const metadata = await (await fetch(`${emulator.info.authorityBaseUrl}/${emulator.info.tenantId}/v2.0/.well-known/openid-configuration`)).json();
    const { payload } = await jwtVerify(body.access_token, createRemoteJWKSet(new URL(metadata.jwks_uri)), {
      issuer: metadata.issuer,
      audience: resource,
    });
    expect(payload).toMatchObject({
      tid: emulator.info.tenantId,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      name: user.displayName,
      scp: 'access_as_user',
      azp: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      ver: '2.0',
    });
  });

  it('when another emulator part calls issueSsoToken directly, then it gets the same kind of token', async () => {
    const user = emulator.context.state.directory.users[1]!;
    const token = await issueSsoToken(emulator.context, user.id, resource);
    expect(await emulator.context.signing.verify(token)).toMatchObject({ oid: user.id, aud: resource });
  });

  it('when the user is unknown, then Entra refuses with invalid_grant AADSTS50034', async () => {
    const response = await post({ userId: '11111111-1111-4111-a111-111111111111', resource });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50034] });
  });

  it('when the resource belongs to no registered app, then Entra refuses with invalid_resource', async () => {
    const user = emulator.context.state.directory.users[0]!;
    await expect(issueSsoToken(emulator.context, user.id, 'api://localhost/00000000-0000-0000-0000-000000000009')).rejects.toBeInstanceOf(SsoError);
    const response = await post({ userId: user.id, resource: 'api://localhost/00000000-0000-0000-0000-000000000009' });
    expect(await response.json()).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
  });
});

describe('The signing key', () => {
  it('when the emulator restarts on the same state dir, then it signs with the same key id', async () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'herald-keys-'));
    const first = await startTestEmulator({ stateDir });
    const firstKeys = await (await fetch(`${first.info.origin}/botframework/v1/.well-known/keys`)).json();
    await first.close();
    const second = await startTestEmulator({ stateDir });
    const secondKeys = await (await fetch(`${second.info.origin}/botframework/v1/.well-known/keys`)).json();
    await second.close();
    expect(secondKeys.keys[0].kid).toBe(firstKeys.keys[0].kid);
    expect(secondKeys.keys[0].n).toBe(firstKeys.keys[0].n);
    expect(firstKeys.keys[0].endorsements).toContain('msteams');
  });
});
