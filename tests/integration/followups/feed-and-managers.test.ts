import { cardContentSchema } from '../../../core/cards/card-content';
import { buildCard } from '../../../core/cards/card-template';
import type { FollowUpPlan } from '../../../core/followups/followup-plan';
import { managerOf } from '../../../emulator/graph/managers';
import { finished, startTestHerald, type TestHerald } from '../../support/herald';
import { reachableMembers } from '../../support/deliveries';

const HOUR = 3_600_000;

describe('where the tenant allows it: activity-feed reminders and managers told at the deadline', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startTestHerald({ emulator: { users: 60 }, env: { HERALD_FOLLOWUP_ACTIVITY_FEED: 'true', HERALD_FOLLOWUP_NOTIFY_MANAGERS: 'true' } });
  });
  afterAll(() => t.close());

  const content = cardContentSchema.parse({ title: 'Expense policy', body: 'New limits from January.', acknowledge: true });
  const sendTo = async (userIds: string[], owner: { id: string; upn: string }) => {
    const id = globalThis.crypto.randomUUID();
    await t.herald.engine.createNotification(
      { tenantId: t.herald.settings.tenantId, title: content.title, card: buildCard(content, { notificationId: id }), content, audience: { include: userIds.map((userId) => ({ kind: 'user' as const, id: userId })) }, createdBy: owner.upn, owner },
      id,
    );
    await t.herald.engine.send(id);
    await finished(t.herald, id);
    return (await t.herald.store.notifications.get(id))!;
  };
  const plan = (overrides: Partial<FollowUpPlan> = {}): FollowUpPlan => ({
    acknowledgeBy: Date.now() + 48 * HOUR,
    reminders: { everyHours: 4, times: 3, to: 'unacknowledged', activityFeed: true },
    expiresAt: null,
    onExpiry: 'update',
    ...overrides,
  });

  it('when the sender asks for feed reminders, then each round also lands in the feed, and a later round replaces the earlier item (one chainId)', async () => {
    const people = reachableMembers(t.emulator).slice(0, 5);
    const notification = await sendTo(people.map((p) => p.id), { id: people[0]!.id, upn: people[0]!.userPrincipalName });
    const first = await t.herald.engine.followUps.runRound(notification, plan(), 1);
    expect(first).toMatchObject({ sent: 5, feedSent: 5, feedFailed: 0 });
    await t.herald.engine.followUps.runRound(notification, plan(), 2);
    for (const person of people) {
      const feed = (t.emulator.context.state.feeds.get(person.id) ?? []).filter((item) => item.activityType === 'announcementReminder');
      expect(feed).toHaveLength(1);
      expect(feed[0]!.title).toContain('reminds you: Expense policy');
      expect(feed[0]!.chainId).toBeDefined();
    }
  });

  it('when the sender did not ask for feed reminders, then only the chat gets them', async () => {
    const people = reachableMembers(t.emulator).slice(5, 8);
    const notification = await sendTo(people.map((p) => p.id), { id: people[0]!.id, upn: people[0]!.userPrincipalName });
    const report = await t.herald.engine.followUps.runRound(notification, plan({ reminders: { everyHours: 4, times: 1, to: 'unacknowledged', activityFeed: false } }), 1);
    expect(report).toMatchObject({ sent: 3, feedSent: 0 });
    for (const person of people) expect(t.emulator.context.state.feeds.get(person.id) ?? []).toHaveLength(0);
  });

  it('when the deadline passes, then each manager is told about their own people who did not acknowledge (GET /users/{id}/manager)', async () => {
    const state = t.emulator.context.state;
    const people = reachableMembers(t.emulator).slice(10, 30).filter((person) => managerOf(state, person));
    const owner = people[0]!;
    const notification = await sendTo(people.map((p) => p.id), { id: owner.id, upn: owner.userPrincipalName });
    await t.herald.store.followups.setPlan(notification.id, plan({ acknowledgeBy: Date.now() - 1, reminders: null }), Date.now() - 1, Date.now());
    await t.herald.engine.followUps.tick();
    const byManager = new Map<string, string[]>();
    for (const person of people) {
      const manager = managerOf(state, person)!;
      byManager.set(manager.id, [...(byManager.get(manager.id) ?? []), person.displayName]);
    }
    for (const [managerId, names] of byManager) {
      const conversation = state.allConversations().find((c) => c.type === 'personal' && c.userId === managerId);
      const cards = (conversation?.activities ?? []).filter((a) => a.from === 'bot').map((a) => JSON.stringify(a)).filter((text) => text.includes('Announcement not acknowledged by your team'));
      expect(cards).toHaveLength(1);
      for (const name of names) expect(cards[0]).toContain(name);
    }
  });
});
