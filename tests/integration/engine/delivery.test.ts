import { finished, startTestHerald, type TestHerald } from '../../support/herald';
import { deliveriesByUser, reachableMembers, simpleCard } from '../../support/deliveries';

describe('install, conversation discovery and delivery against the emulator', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startTestHerald({ emulator: { users: 120 } });
  });
  afterAll(() => t.close());

  const sendTo = async (userIds: string[], card: unknown = simpleCard('hi')) => {
    const notification = await t.herald.engine.createNotification({
      tenantId: t.herald.settings.tenantId,
      title: 'Delivery',
      card,
      audience: { include: userIds.map((id) => ({ kind: 'user' as const, id })) },
      createdBy: 'test',
    });
    await t.herald.engine.send(notification.id);
    await finished(t.herald, notification.id);
    return notification.id;
  };
  const failedReasons = async (id: string) => (await t.herald.store.recipients.page(id, 0, 100, 'failed')).map((r) => [r.userId, r.reason]);

  it('when a user never had Herald, then it is installed, the chat is found and the card lands once', async () => {
    const user = reachableMembers(t.emulator)[0]!;
    expect(t.emulator.context.state.findInstallation(user.id, t.emulator.info.id)).toBeUndefined();
    await sendTo([user.id]);
    expect(t.emulator.context.state.findInstallation(user.id, t.emulator.info.id)).toBeDefined();
    expect(deliveriesByUser(t.emulator).get(user.id)).toBe(1);
  });

  it('when Herald is already installed but unknown to Herald (409), then the chat is fetched from Graph', async () => {
    const user = reachableMembers(t.emulator)[1]!;
    t.emulator.context.state.install('user', user.id, t.emulator.info.id, { silent: true });
    const id = await sendTo([user.id]);
    expect((await t.herald.engine.counts(id)).sent).toBe(1);
    expect(deliveriesByUser(t.emulator).get(user.id)).toBe(1);
    expect((await t.herald.store.conversations.get(t.herald.settings.tenantId, user.id))?.source).toBe('graph');
  });

  it('when the app was removed behind Herald\'s back, then the conversation is repaired and the card delivered', async () => {
    const user = reachableMembers(t.emulator)[2]!;
    await sendTo([user.id]);
    const state = t.emulator.context.state;
    const installation = state.findInstallation(user.id, t.emulator.info.id)!;
    state.installations.get(user.id)!.delete(installation.id); // removed without telling the bot
    const id = await sendTo([user.id]);
    expect((await t.herald.engine.counts(id)).sent).toBe(1);
    expect(deliveriesByUser(t.emulator).get(user.id)).toBe(2);
  });

  it('when people cannot be reached, then each fails with a reason a person understands', async () => {
    const state = t.emulator.context.state;
    const [blocked, policy] = reachableMembers(t.emulator).slice(5, 7);
    const unlicensed = state.directory.users.find((u) => u.userType === 'Member' && u.accountEnabled && !u.hasTeamsLicense)!;
    await sendTo([blocked!.id]);
    state.botBlockedUserIds.add(blocked!.id);
    state.policyBlockedUserIds.add(policy!.id);
    const id = await sendTo([blocked!.id, policy!.id, unlicensed.id]);
    expect(await failedReasons(id)).toEqual(
      expect.arrayContaining([
        [blocked!.id, 'user_blocked_bot'],
        [policy!.id, 'blocked_by_app_policy'],
        [unlicensed.id, 'no_teams_license'],
      ]),
    );
    expect((await t.herald.engine.counts(id)).failed).toBe(3);
  });

  it('when the card is not an Adaptive Card or is over the size limit, then nothing is sent', async () => {
    const user = reachableMembers(t.emulator)[9]!;
    const create = (card: unknown) =>
      t.herald.engine.createNotification({ tenantId: t.herald.settings.tenantId, title: 'x', card, audience: { include: [{ kind: 'user', id: user.id }] }, createdBy: 'test' });
    await expect(create({ type: 'NotACard' })).rejects.toMatchObject({ code: 'card_invalid' });
    await expect(create(simpleCard('x'.repeat(40_000)))).rejects.toMatchObject({ code: 'card_too_large' });
    expect(deliveriesByUser(t.emulator).get(user.id)).toBeUndefined();
  });

  it('when a sent card is edited and then recalled, then every chat shows the change', async () => {
    const users = reachableMembers(t.emulator).slice(20, 26).map((u) => u.id);
    const id = await sendTo(users, simpleCard('version one'));
    const edit = await t.herald.engine.edit(id, simpleCard('version two'));
    expect(edit).toMatchObject({ succeeded: users.length, failed: 0 });
    const cards = () => users.map((userId) => t.emulator.context.state.allConversations().find((c) => c.userId === userId)!.activities.at(-1)!);
    expect(cards().every((stored) => JSON.stringify(stored.activity).includes('version two'))).toBe(true);
    const recall = await t.herald.engine.recall(id);
    expect(recall).toMatchObject({ succeeded: users.length, failed: 0 });
    expect(cards().every((stored) => stored.deleted)).toBe(true);
  });
});
