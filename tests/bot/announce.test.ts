import { finished } from '../support/herald';
import { reachableMembers } from '../support/deliveries';
import type { EmulatedTeam } from '../../emulator/tenant/model';
import { activitiesIn, cardText, http, personalConversationId, startBotHerald, teamsApi, until, type TestHerald } from './support/bot-harness';

describe('team announcements from the compose box', () => {
  let t: TestHerald;
  let team: EmulatedTeam;
  let ownerId: string;
  let memberId: string;
  beforeAll(async () => {
    t = await startBotHerald();
    const reachable = new Set(reachableMembers(t.emulator).map((user) => user.id));
    const candidates = t.emulator.context.state.directory.teams.filter(
      (candidate) => candidate.members.some((m) => m.roles.includes('owner')) && candidate.members.some((m) => m.roles.length === 0 && reachable.has(m.userId)),
    );
    team = candidates.sort((a, b) => a.members.length - b.members.length)[0]!;
    ownerId = team.members.find((m) => m.roles.includes('owner') && reachable.has(m.userId))!.userId;
    memberId = team.members.find((m) => m.roles.length === 0 && reachable.has(m.userId))!.userId;
    // Delivering to every member personally needs a Herald role that may send to teams (core/authority).
    const admin = await t.herald.operator();
    if ((await t.herald.store.roles.get(admin.tenantId, ownerId))?.role !== 'admin') {
      await t.herald.administration.setRole(admin, ownerId, { role: 'sender', audienceKinds: ['team'] });
    }
  });
  afterAll(() => t.close());

  const channelId = () => team.internalId;
  const compose = async (path: 'fetch-task' | 'submit-action', userId: string, extra: Record<string, unknown> = {}) => {
    const { status, json } = await http('POST', `${teamsApi(t)}/compose-extension/${path}`, { userId, conversationId: channelId(), commandId: 'announce', ...extra });
    expect(status).toBe(200);
    return json as { kind: string; card?: Record<string, any>; activity?: Record<string, any>; title?: string };
  };
  const inputValue = (card: Record<string, any>, id: string) => (card.body as Array<Record<string, unknown>>).find((element) => element.id === id)?.value;
  const channelPosts = async () => (await activitiesIn(t, channelId())).filter((a) => a.from === 'bot');

  it('when a member who is not an owner opens or sends Announce, then a dialog says only owners may, and nothing is posted', async () => {
    const opened = await compose('fetch-task', memberId);
    expect(opened.kind).toBe('task');
    expect(cardText(opened.card!)).toContain('Only team owners can announce');
    const form = { title: 'Sneaky', message: 'Not allowed', imageUrl: '', buttonTitle: '', buttonUrl: '', notifyMembers: 'false' };
    const submitted = await compose('submit-action', memberId, { data: form });
    expect(cardText(submitted.card!)).toContain('Only team owners can announce');
    const sent = await compose('submit-action', memberId, { botMessagePreviewAction: 'send', activityPreview: { type: 'message', attachments: [] } });
    expect(cardText(sent.card!)).toContain('Only team owners can announce');
    expect(await channelPosts()).toHaveLength(0);
  });

  it('when an owner fills the form, previews, edits and sends, then the channel gets the post, every member gets it personally, and the owner a summary', async () => {
    const opened = await compose('fetch-task', ownerId);
    expect(opened.kind).toBe('task');
    expect(inputValue(opened.card!, 'title')).toBe('');

    const invalid = await compose('submit-action', ownerId, { data: { title: '', message: 'Now on Thursday.', imageUrl: 'ftp://example.com/a.png', buttonTitle: 'Agenda', buttonUrl: '', notifyMembers: 'true' } });
    expect(invalid.kind).toBe('task');
    const errors = cardText(invalid.card!);
    expect(errors).toContain('A title is required.');
    expect(errors).toContain('Give the button a link, or clear its label.');
    expect(inputValue(invalid.card!, 'message')).toBe('Now on Thursday.');

    const form = { title: 'All-hands moved', message: 'Now on Thursday at 10:00.', imageUrl: '', buttonTitle: 'Agenda', buttonUrl: 'https://contoso.example/agenda', notifyMembers: 'true' };
    const preview = await compose('submit-action', ownerId, { data: form });
    expect(preview.kind).toBe('preview');
    expect(cardText(preview.activity!)).toContain('All-hands moved');

    const edited = await compose('submit-action', ownerId, { botMessagePreviewAction: 'edit', activityPreview: preview.activity });
    expect(edited.kind).toBe('task');
    expect(inputValue(edited.card!, 'title')).toBe('All-hands moved');
    expect(inputValue(edited.card!, 'notifyMembers')).toBe('true');
    const again = await compose('submit-action', ownerId, { data: form });

    const sent = await compose('submit-action', ownerId, { botMessagePreviewAction: 'send', activityPreview: again.activity });
    expect(sent.kind).toBe('closed');
    const posts = await channelPosts();
    expect(posts).toHaveLength(1);
    expect(cardText(posts[0]!.activity)).toContain('All-hands moved');

    const notification = await until(async () => (await t.herald.store.notifications.list(t.herald.settings.tenantId, 20)).find((n) => n.title === 'All-hands moved'), 'the member broadcast');
    expect(notification.audience!.include).toEqual([{ kind: 'team', id: team.id, label: team.displayName }]);
    expect(notification.origin).toBe('compose');
    expect(await finished(t.herald, notification.id)).toBe('completed');
    const counts = await t.herald.engine.counts(notification.id);
    const reachable = new Set(reachableMembers(t.emulator).map((user) => user.id));
    const members = team.members.filter((m) => reachable.has(m.userId) && !m.roles.includes('guest'));
    expect(counts.sent).toBe(members.length);
    let delivered = 0;
    for (const member of members) {
      const cards = (await activitiesIn(t, personalConversationId(t, member.userId))).filter((a) => a.from === 'bot' && cardText(a.activity).includes('All-hands moved'));
      delivered += cards.length;
    }
    expect(delivered).toBe(members.length);

    const summary = await until(
      async () => (await activitiesIn(t, personalConversationId(t, ownerId))).find((a) => a.from === 'bot' && String(a.activity.text ?? '').includes('reached')),
      "the owner's summary",
    );
    expect(summary.activity.text).toContain(`reached ${counts.sent} of ${counts.sent + counts.failed + counts.cancelled} team members`);
  });

  it('when an owner without a Herald role asks for every member, then the dialog says why beside the toggle, and posting to the channel alone still works', async () => {
    const roles = t.herald.store.roles;
    const tenantId = t.herald.settings.tenantId;
    const reachable = new Set(reachableMembers(t.emulator).map((user) => user.id));
    const other = t.emulator.context.state.directory.teams
      .filter((candidate) => candidate.id !== team.id)
      .flatMap((candidate) => candidate.members.filter((m) => m.roles.includes('owner') && reachable.has(m.userId)).map((m) => ({ team: candidate, ownerId: m.userId })));
    let picked: { team: EmulatedTeam; ownerId: string } | undefined;
    for (const candidate of other) if (!(await roles.get(tenantId, candidate.ownerId))) picked = picked ?? candidate;
    expect(picked).toBeDefined();
    const { team: theirs, ownerId: owner } = picked!;
    const call = async (path: 'fetch-task' | 'submit-action', extra: Record<string, unknown>) =>
      (await http('POST', `${teamsApi(t)}/compose-extension/${path}`, { userId: owner, conversationId: theirs.internalId, commandId: 'announce', ...extra })).json as {
        kind: string;
        card?: Record<string, any>;
        activity?: Record<string, any>;
      };
    const before = (await t.herald.store.notifications.list(tenantId, 200)).length;
    const form = { title: 'Team lunch', message: 'Friday at noon.', imageUrl: '', buttonTitle: '', buttonUrl: '', notifyMembers: 'true' };
    const refused = await call('submit-action', { data: form });
    expect(refused.kind).toBe('task');
    expect(cardText(refused.card!)).toContain('Delivering an announcement to every member personally needs a Herald sender role');

    const preview = await call('submit-action', { data: { ...form, notifyMembers: 'false' } });
    expect(preview.kind).toBe('preview');
    expect(cardText(preview.activity!)).toContain(`in ${theirs.displayName}`);
    await call('submit-action', { botMessagePreviewAction: 'send', activityPreview: preview.activity });
    const posts = (await activitiesIn(t, theirs.internalId)).filter((a) => a.from === 'bot');
    expect(posts.map((post) => cardText(post.activity))).toEqual([expect.stringContaining('Team lunch')]);
    expect((await t.herald.store.notifications.list(tenantId, 200)).length).toBe(before);
    const audit = await t.herald.store.audit.page(tenantId, undefined, 5);
    expect(audit.find((entry) => entry.action === 'announcement.post' && entry.target === `team:${theirs.id}`)).toMatchObject({ details: { toEveryMember: false, via: 'compose' } });
  });
});
