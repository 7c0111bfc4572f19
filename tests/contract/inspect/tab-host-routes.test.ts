import { createLocalJWKSet, jwtVerify } from 'jose';
import type { RunningEmulator } from '../../../emulator/server';
import { startTestEmulator } from '../../support/emulator';

let emulator: RunningEmulator;
let api: string;

const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
  const response = await fetch(`${api}/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
};

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 10 });
  api = `${emulator.info.teamsClientUrl}api/tab`;
});
afterAll(() => emulator.close());
afterEach(() => emulator.setTab(undefined));

const user = () => emulator.context.state.directory.users[1]!;

describe('the Teams client\'s tab-hosting API', () => {
  it('when no tab is configured, then the client is told how to configure one', async () => {
    const answer = await call('GET', '');
    expect(answer.status).toBe(404);
    expect(answer.json.error.message).toMatch(/--tab-url/);
  });

  it('when a tab is set, then the client gets its URL, origin, manifest ids and a resource in Teams Toolkit\'s shape', async () => {
    emulator.setTab({ url: 'http://127.0.0.1:3978/tab/' });
    const answer = await call('GET', '');
    expect(answer.json).toEqual({
      url: 'http://127.0.0.1:3978/tab/',
      origin: 'http://127.0.0.1:3978',
      resource: `api://127.0.0.1:3978/${emulator.info.graphClientId}`,
      entityId: 'herald-admin',
      appId: emulator.info.externalId,
    });
  });

  it('when the page asks for another address of the same app, then the configured resource is kept', async () => {
    emulator.setTab({ url: 'http://127.0.0.1:3978/tab/', resource: `api://herald.example/${emulator.info.graphClientId}` });
    const answer = await call('GET', `?tab=${encodeURIComponent('http://127.0.0.1:3978/tab/?debug=1')}`);
    expect(answer.json).toMatchObject({ url: 'http://127.0.0.1:3978/tab/?debug=1', resource: `api://herald.example/${emulator.info.graphClientId}` });
  });

  it('when another process puts a tab, then it is used; a resource that is not api:// is refused', async () => {
    expect((await call('PUT', '', { url: 'http://127.0.0.1:5000/tab/', resource: 'https://x' })).status).toBe(400);
    expect((await call('PUT', '', { url: 'http://127.0.0.1:5000/tab/' })).status).toBe(200);
    expect((await call('GET', '')).json.origin).toBe('http://127.0.0.1:5000');
  });

  it('when the tab asks for its context, then it names the user, tenant, page and host in teams-js\' wire shape', async () => {
    emulator.setTab({ url: 'http://127.0.0.1:3978/tab/' });
    const answer = await call('GET', `context?userId=${user().id}`);
    expect(answer.json.context).toMatchObject({
      userObjectId: user().id,
      userPrincipalName: user().userPrincipalName,
      loginHint: user().userPrincipalName,
      tid: emulator.info.tenantId,
      entityId: 'herald-admin',
      frameContext: 'content',
      hostClientType: 'web',
      hostName: 'Teams',
    });
    expect((await call('GET', 'context?userId=nobody')).status).toBe(404);
  });

  it('when the tab asks for a token, then it is the SSO token for the signed-in user and the tab\'s resource', async () => {
    emulator.setTab({ url: 'http://127.0.0.1:3978/tab/' });
    const answer = await call('POST', 'token', { userId: user().id });
    const keys = await (await fetch(`${emulator.info.authorityBaseUrl}/${emulator.info.tenantId}/discovery/v2.0/keys`)).json();
    const { payload } = await jwtVerify(answer.json.token, createLocalJWKSet(keys), { audience: `api://127.0.0.1:3978/${emulator.info.graphClientId}` });
    expect(payload).toMatchObject({ oid: user().id, tid: emulator.info.tenantId, scp: 'access_as_user' });
  });

  it('when the tab\'s resource belongs to no registered app, then the token is refused with Entra\'s reason', async () => {
    emulator.setTab({ url: 'http://127.0.0.1:3978/tab/', resource: 'api://127.0.0.1:3978/00000000-0000-0000-0000-000000000000' });
    const answer = await call('POST', 'token', { userId: user().id });
    expect(answer.status).toBe(403);
    expect(answer.json.error.message).toMatch(/^AADSTS/);
  });
});
