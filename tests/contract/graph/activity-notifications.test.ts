import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { graphToken } from './token';

/** Microsoft's documented request bodies (userteamwork-sendactivitynotification.md, teams-send-activityfeednotifications.md). */
const documented = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'graph', 'send-activity-notification.json'), 'utf8'));
/**
 * The manifest example declares `approvalRequired`, while the page's example 2 sends `deploymentApprovalRequired`;
 * the tenant's app declares both so each documented request has its type.
 */
const activityTypes = [
  ...documented.manifestActivities.activityTypes,
  { type: 'deploymentApprovalRequired', description: 'Deployment requires your approval', templateText: '{actor} created a new deployment {deploymentId}' },
];
const CONSENTED = [
  { permissionValue: 'ChatMessageReadReceipt.Read.Chat', permissionType: 'application' as const },
  { permissionValue: 'TeamsActivity.Send.User', permissionType: 'application' as const },
];

interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

async function start(limits: 'real' | 'off'): Promise<{ emulator: RunningEmulator; stateDir: string; token: string }> {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'herald-feed-'));
  const emulator = await startEmulator({ port: 0, users: 40, seed: 7, limits, stateDir, app: { activityTypes } });
  return { emulator, stateDir, token: await graphToken(emulator) };
}

describe('sending activity-feed notifications (userTeamwork: sendActivityNotification)', () => {
  let emulator: RunningEmulator;
  let stateDir: string;
  let token: string;
  const people = () => emulator.context.state.directory.users.filter((user) => user.hasTeamsLicense && user.accountEnabled);
  const withApp = (index: number, consented = CONSENTED) => {
    const user = people()[index]!;
    const installation = emulator.context.state.findInstallation(user.id, emulator.info.id) ?? emulator.context.state.install('user', user.id, emulator.info.id, { silent: true, consentedPermissions: consented })!;
    return { user, installation };
  };
  /** A documented body with its `{userId}` and `{installationId}` placeholders filled in. */
  const bodyFor = (name: string, userId: string, installationId: string): Record<string, unknown> =>
    JSON.parse(JSON.stringify(documented[name]).replaceAll('{userId}', userId).replaceAll('{installationId}', installationId));
  const send = async (userId: string, body: unknown, bearer = token): Promise<Reply> => {
    const response = await fetch(`${emulator.info.graphBaseUrl}/users/${userId}/teamwork/sendActivityNotification`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const feedOf = (userId: string) => emulator.context.state.feeds.get(userId) ?? [];

  beforeAll(async () => {
    ({ emulator, stateDir, token } = await start('off'));
  });
  afterAll(async () => {
    await emulator.close();
    await rm(stateDir, { recursive: true, force: true });
  });

  test("when example 1 (an entityUrl topic and a declared type) is sent, then 204 with no body, and the person's feed shows the rendered template", async () => {
    const { user, installation } = withApp(0);
    const reply = await send(user.id, bodyFor('entityUrl', user.id, installation.id));
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    expect(feedOf(user.id)[0]).toMatchObject({ activityType: 'taskCreated', title: 'Herald created task Task 12322 for you', previewText: 'New Task Created' });
  });

  test('when example 2 (a text topic with its webUrl) and example 8 (systemDefault) are sent, then both are 204 and the feed lists them newest first', async () => {
    const { user, installation } = withApp(1);
    expect((await send(user.id, bodyFor('text', user.id, installation.id))).status).toBe(204);
    expect((await send(user.id, bodyFor('systemDefault', user.id, installation.id))).status).toBe(204);
    expect(feedOf(user.id).map((item) => item.title)).toEqual(['You need to take a short break', 'Herald created a new deployment 6788662']);
    expect(feedOf(user.id)[1]!.topic).toMatchObject({ source: 'text', value: 'Deployment Approvals Channel' });
  });

  test('when a later notification carries the same chainId, then it replaces the earlier one in the feed', async () => {
    const { user, installation } = withApp(2);
    const reminder = (text: string) => ({ ...bodyFor('systemDefault', user.id, installation.id), chainId: 42, templateParameters: [{ name: 'systemDefaultText', value: text }] });
    expect((await send(user.id, reminder('First reminder'))).status).toBe(204);
    expect((await send(user.id, bodyFor('entityUrl', user.id, installation.id))).status).toBe(204);
    expect((await send(user.id, reminder('Second reminder'))).status).toBe(204);
    expect(feedOf(user.id).map((item) => [item.title, item.chainId])).toEqual([
      ['Second reminder', '42'],
      ['Herald created task Task 12322 for you', undefined],
    ]);
  });

  test("when the activity type is not in the manifest's activities (nor systemDefault), then 400 naming the declared ones", async () => {
    const { user, installation } = withApp(3);
    const reply = await send(user.id, { ...bodyFor('entityUrl', user.id, installation.id), activityType: 'somethingElse' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('BadRequest');
    expect(reply.body.error.message).toMatch(/somethingElse.*taskCreated/);
  });

  test.each([
    ['a text topic without webUrl', (body: any) => ({ ...body, topic: { source: 'text', value: 'Approvals' } }), /webUrl/],
    ['no previewText', ({ previewText: _omitted, ...body }: any) => body, /previewText/],
    ['no topic', ({ topic: _omitted, ...body }: any) => body, /topic/],
    ['a template parameter missing', (body: any) => ({ ...body, templateParameters: [] }), /taskId/],
    ['an entityUrl that is not an installation or a catalog app', (body: any) => ({ ...body, topic: { source: 'entityUrl', value: 'https://graph.microsoft.com/v1.0/users/x' } }), /supported resource/],
    ['an unknown parameter', (body: any) => ({ ...body, colour: 'red' }), /colour/],
  ])('when the body has %s, then 400 with a sentence saying what is wrong', async (_name, change, message) => {
    const { user, installation } = withApp(3);
    const reply = await send(user.id, change(bodyFor('entityUrl', user.id, installation.id)));
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(message);
  });

  test('when the app is not installed for the person, then 403 and nothing reaches a feed', async () => {
    const user = people()[4]!;
    const reply = await send(user.id, bodyFor('text', user.id, 'none'));
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toMatch(/not installed/);
    expect(feedOf(user.id)).toEqual([]);
  });

  test('when the installation did not consent TeamsActivity.Send.User, then 403, unless the app holds the tenant-wide TeamsActivity.Send', async () => {
    const { user, installation } = withApp(5, []);
    const body = bodyFor('text', user.id, installation.id);
    const refused = await send(user.id, body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('TeamsActivity.Send.User');
    const tenantWide = await graphToken(emulator, { roles: ['TeamsActivity.Send'] });
    expect((await send(user.id, body, tenantWide)).status).toBe(204);
  });

  test('when the person does not exist, then 404 NotFound', async () => {
    expect((await send('00000000-0000-0000-0000-000000000000', documented.text)).status).toBe(404);
  });
});

describe('the limits of activity notifications, with the documented limits on', () => {
  let emulator: RunningEmulator;
  let stateDir: string;
  let token: string;
  beforeAll(async () => {
    ({ emulator, stateDir, token } = await start('real'));
  });
  afterAll(async () => {
    await emulator.close();
    await rm(stateDir, { recursive: true, force: true });
  });

  test('when more than 5 are sent at once in a tenant, then the extra ones are 429 with Retry-After, counted against graph.activityNotification', async () => {
    const people = emulator.context.state.directory.users.filter((user) => user.hasTeamsLicense && user.accountEnabled).slice(0, 8);
    for (const user of people) emulator.context.state.install('user', user.id, emulator.info.id, { silent: true, consentedPermissions: CONSENTED });
    const replies = await Promise.all(
      people.map(async (user) => {
        const installation = emulator.context.state.findInstallation(user.id, emulator.info.id)!;
        const body = { ...documented.systemDefault, topic: { source: 'entityUrl', value: `https://graph.microsoft.com/v1.0/users/${user.id}/teamwork/installedApps/${installation.id}` } };
        return fetch(`${emulator.info.graphBaseUrl}/users/${user.id}/teamwork/sendActivityNotification`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      }),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 204).length).toBeLessThanOrEqual(5);
    const throttled = replies.filter((reply) => reply.status === 429);
    expect(throttled.length).toBe(statuses.length - statuses.filter((status) => status === 204).length);
    expect(Number(throttled[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(emulator.context.limits.throttled()['graph.activityNotification']).toBe(throttled.length);
  });
});
