import type { Actor } from '../../core/authority/actor';
import type { AudienceKind } from '../../core/admin/admin-store';
import { deliveriesByUser, reachableMembers } from '../support/deliveries';
import { finished } from '../support/herald';
import { startApiHerald, type ApiHerald } from './support/api-herald';

/**
 * Who may do what to a notification, over every route of the tab's API and every use case the command line and
 * the bot call, for every kind of caller. Each refused call must change nothing: not the notification, not its
 * recipients, not a single chat in the emulator.
 */
describe('authorization: every route and command × every role', () => {
  let t: ApiHerald;
  let people: ReturnType<typeof reachableMembers>;
  const tokens = new Map<string, string>();
  const as = (who: string) => tokens.get(who)!;

  /** A group without nested groups whose members all get the card (small, so sends are quick). */
  const smallGroup = () => {
    const state = t.emulator.context.state;
    return state.directory.groups.find((g) => g.memberGroupIds.length === 0 && g.memberUserIds.length >= 2 && g.memberUserIds.length <= 12)!;
  };

  beforeAll(async () => {
    t = await startApiHerald();
    people = reachableMembers(t.emulator);
    const admin = await t.tokenFor(t.adminUpn);
    tokens.set('admin', admin);
    const grant = async (who: string, index: number, kinds: AudienceKind[] | null) => {
      const person = people[index]!;
      if (kinds) expect((await t.call(admin, 'PUT', `/api/senders/${person.id}`, { role: 'sender', allowedAudienceKinds: kinds })).status).toBe(200);
      tokens.set(who, await t.tokenFor(person.userPrincipalName));
    };
    await grant('owner', 11, ['user', 'group', 'team', 'csv']);
    await grant('other sender', 12, ['user', 'group', 'team', 'csv']);
    await grant('users only', 13, ['user']);
    await grant('non-sender', 14, null);
  });
  afterAll(() => t.close());

  const content = { title: 'Town hall', summary: 'Thursday 10:00' };
  const groupAudience = () => ({ include: [{ kind: 'group', id: smallGroup().id, label: smallGroup().displayName }] });

  async function draftOf(who: string, title = content.title): Promise<string> {
    const created = await t.call(as(who), 'POST', '/api/notifications', { content: { ...content, title }, audience: groupAudience() });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function sentOf(who: string): Promise<string> {
    const id = await draftOf(who, `Sent by ${who}`);
    expect((await t.call(as(who), 'POST', `/api/notifications/${id}/send`, {})).status).toBe(200);
    expect(await finished(t.herald, id)).toBe('completed');
    return id;
  }

  /** Everything a refused call must leave as it was. */
  async function snapshot(id: string) {
    const notification = await t.herald.store.notifications.get(id);
    return {
      notification: notification && { title: notification.title, status: notification.status, content: notification.content, audience: notification.audience, updatedAt: notification.updatedAt },
      counts: await t.herald.engine.counts(id),
      chats: [...deliveriesByUser(t.emulator).entries()].sort(),
      audit: (await t.herald.store.audit.page(t.herald.settings.tenantId, undefined, 1))[0]?.id,
    };
  }

  /** Every route of the API that acts on one notification, with a body where it needs one. */
  const ROUTES: Array<[string, string, (id: string) => string, unknown?]> = [
    ['view', 'GET', (id) => `/api/notifications/${id}`],
    ['update', 'PUT', (id) => `/api/notifications/${id}`, { content: { title: 'Hijacked', summary: 'not yours' }, audience: { include: [{ kind: 'everyone' }] } }],
    ['send', 'POST', (id) => `/api/notifications/${id}/send`, {}],
    ['schedule', 'POST', (id) => `/api/notifications/${id}/send`, { scheduledAt: new Date(Date.now() + 3_600_000).toISOString() }],
    ['cancel', 'POST', (id) => `/api/notifications/${id}/cancel`],
    ['resend', 'POST', (id) => `/api/notifications/${id}/resend-failed`],
    ['edit', 'POST', (id) => `/api/notifications/${id}/edit`, { content: { title: 'Hijacked', summary: 'their words in every chat' } }],
    ['recall', 'POST', (id) => `/api/notifications/${id}/recall`],
    ['delete', 'DELETE', (id) => `/api/notifications/${id}`],
    ['duplicate', 'POST', (id) => `/api/notifications/${id}/duplicate`],
    ['report', 'GET', (id) => `/api/notifications/${id}/report`],
    ['recipients', 'GET', (id) => `/api/notifications/${id}/recipients`],
    ['export', 'GET', (id) => `/api/notifications/${id}/export.csv`],
    ['events ticket', 'POST', (id) => `/api/notifications/${id}/events/ticket`],
  ];

  it.each(['other sender', 'users only', 'non-sender'])('when a %s calls any route on an admin\'s draft or sent broadcast, then 403 and nothing changes', async (who) => {
    const draft = await draftOf('admin');
    const sent = await sentOf('admin');
    for (const id of [draft, sent]) {
      const before = await snapshot(id);
      for (const [action, method, path, body] of ROUTES) {
        const answer = await t.call(as(who), method, path(id), body);
        expect({ who, action, status: answer.status, code: answer.body?.error?.code }).toEqual({ who, action, status: 403, code: 'forbidden' });
        expect(answer.body.error.message).toMatch(/\.$/);
      }
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it("when a sender lists notifications, then they see their own only; an admin sees everyone's", async () => {
    const mine = await draftOf('owner', 'Mine');
    const theirs = await draftOf('other sender', 'Theirs');
    const ids = async (who: string) => ((await t.call(as(who), 'GET', '/api/notifications')).body.value as Array<{ id: string }>).map((n) => n.id);
    expect(await ids('owner')).toContain(mine);
    expect(await ids('owner')).not.toContain(theirs);
    expect(await ids('admin')).toEqual(expect.arrayContaining([mine, theirs]));
    expect((await t.call(as('non-sender'), 'GET', '/api/notifications')).status).toBe(403);
  });

  it('when the owner acts on their own notifications, then every action the state allows answers with success, and each is audited with them', async () => {
    const draft = await draftOf('owner');
    expect((await t.call(as('owner'), 'PUT', `/api/notifications/${draft}`, { content: { title: 'Town hall (moved)' }, audience: groupAudience() })).status).toBe(200);
    expect((await t.call(as('owner'), 'POST', `/api/notifications/${draft}/duplicate`)).status).toBe(201);
    expect((await t.call(as('owner'), 'DELETE', `/api/notifications/${draft}`)).status).toBe(204);
    const sent = await sentOf('owner');
    const view = await t.call(as('owner'), 'GET', `/api/notifications/${sent}`);
    expect(view.body).toMatchObject({ owner: { upn: people[11]!.userPrincipalName }, origin: 'tab', status: 'completed' });
    expect(view.body.actions).toEqual(expect.arrayContaining(['edit', 'recall', 'delete', 'duplicate']));
    expect((await t.call(as('owner'), 'POST', `/api/notifications/${sent}/edit`, { content: { title: 'Town hall: new room' } })).status).toBe(200);
    const audit = await t.call(as('admin'), 'GET', '/api/audit?limit=1');
    expect(audit.body.value[0]).toMatchObject({ actor: people[11]!.userPrincipalName, action: 'notification.edit', target: sent, details: { via: 'tab', actorId: people[11]!.id } });
  });

  it('when a sender whose role was narrowed edits or resends their own group broadcast, then the audience kind is refused as on send', async () => {
    const sent = await sentOf('owner');
    const owner = people[11]!;
    expect((await t.call(as('admin'), 'PUT', `/api/senders/${owner.id}`, { role: 'sender', allowedAudienceKinds: ['user'] })).status).toBe(200);
    try {
      const before = await snapshot(sent);
      const edit = await t.call(as('owner'), 'POST', `/api/notifications/${sent}/edit`, { content: { title: 'Changed' } });
      expect(edit.status).toBe(403);
      expect(edit.body.error.message).toBe('Your Herald role does not allow sending to groups. You may send to chosen people. Ask a Herald administrator to change it.');
      expect(await snapshot(sent)).toEqual(before);
    } finally {
      await t.call(as('admin'), 'PUT', `/api/senders/${owner.id}`, { role: 'sender', allowedAudienceKinds: ['user', 'group', 'team', 'csv'] });
    }
  });

  it('when the command line or the bot acts for someone (core use cases with their actor), then the same rules hold', async () => {
    const sent = await sentOf('admin');
    const person = people[12]!;
    const cli: Actor = { tenantId: t.herald.settings.tenantId, userId: person.id, upn: person.userPrincipalName, displayName: person.displayName, origin: 'cli' };
    const before = await snapshot(sent);
    const { notifications } = t.herald;
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['status', () => notifications.get(cli, sent)],
      ['cancel', () => notifications.cancel(cli, sent)],
      ['resend', () => notifications.resendFailed(cli, sent)],
      ['edit', () => notifications.edit(cli, sent, { card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hijacked' }] }, title: 'Hijacked' })],
      ['recall', () => notifications.recall(cli, sent)],
      ['delete', () => notifications.remove(cli, sent)],
    ];
    for (const [command, attempt] of attempts) {
      await expect(attempt()).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('only they or a Herald administrator can change it') });
      expect(command).toBeTruthy();
    }
    const stranger = people[14]!;
    const nobody: Actor = { ...cli, userId: stranger.id, upn: stranger.userPrincipalName };
    await expect(notifications.createDraft(nobody, { content: { ...content, buttons: [], body: '', acknowledge: false, importance: 'normal' } as never, audience: null })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(notifications.postToChannel(nobody, { teamId: 'any', written: { card: {}, title: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await snapshot(sent)).toEqual(before);
  });

  it('when a recall is done, then the report says recalled, edit and resend are no longer offered, and an edit is refused with a sentence', async () => {
    const sent = await sentOf('admin');
    const recalled = await t.call(as('admin'), 'POST', `/api/notifications/${sent}/recall`);
    expect(recalled.status).toBe(200);
    expect(recalled.body).toMatchObject({ status: 'recalled', recalledAt: expect.any(String), actions: ['delete', 'duplicate'] });
    const report = await t.call(as('admin'), 'GET', `/api/notifications/${sent}/report`);
    expect(report.body).toMatchObject({ status: 'recalled', actions: ['delete', 'duplicate'] });
    const edit = await t.call(as('admin'), 'POST', `/api/notifications/${sent}/edit`, { content: { title: 'Too late' } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe('It is recalled: its cards were deleted from every chat, so there is nothing to edit.');
    const list = await t.call(as('admin'), 'GET', '/api/notifications');
    expect(list.body.value.find((n: { id: string }) => n.id === sent)).toMatchObject({ status: 'recalled' });
    const csv = await t.call(as('admin'), 'GET', `/api/notifications/${sent}/export.csv`);
    expect(csv.status).toBe(200);
    const [header, ...rows] = (csv.body as string).trim().split('\n');
    const change = header!.split(',').indexOf('card_change');
    const sentRows = rows.filter((row) => row.split(',')[3] === 'sent');
    expect(sentRows.length).toBeGreaterThan(0);
    expect(sentRows.map((row) => row.split(',')[change])).toEqual(sentRows.map(() => 'recalled'));
    const audit = await t.call(as('admin'), 'GET', '/api/audit?limit=1');
    expect(audit.body.value[0]).toMatchObject({ action: 'notification.recall', target: sent });
  });
});
