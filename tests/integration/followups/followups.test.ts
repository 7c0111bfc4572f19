import { cardContentSchema } from '../../../core/cards/card-content';
import { buildCard } from '../../../core/cards/card-template';
import { validatePlan, type FollowUpPlan } from '../../../core/followups/followup-plan';
import { handleCardAction } from '../../../core/responses/card-action';
import { isHeraldError } from '../../../core/errors/herald-error';
import { finished, startTestHerald, type TestHerald } from '../../support/herald';
import { reachableMembers } from '../../support/deliveries';

const HOUR = 3_600_000;

/** The bot messages each person's 1:1 chat holds, as text, from the emulator's own record. */
function chatOf(t: TestHerald, userId: string): string[] {
  const conversation = t.emulator.context.state.allConversations().find((c) => c.type === 'personal' && c.userId === userId);
  return (conversation?.activities ?? []).filter((activity) => activity.from === 'bot').map((activity) => JSON.stringify(activity));
}
const reminders = (t: TestHerald, userId: string) => chatOf(t, userId).filter((text) => text.includes('You have not acknowledged this announcement yet'));

describe('a follow-up plan is checked at the edge with a sentence and the fields', () => {
  const now = Date.UTC(2026, 11, 3, 12);
  const refused = (input: unknown): Record<string, string> => {
    try {
      validatePlan(input, now);
    } catch (error) {
      if (isHeraldError(error) && error.code === 'validation_failed') {
        expect(error.message).toMatch(/^The follow-up plan is not valid: .+/);
        return (error.details as { fields: Record<string, string> }).fields;
      }
      throw error;
    }
    throw new Error('accepted');
  };

  it('when K is 0, then it is refused: send at least one reminder', () => {
    expect(refused({ reminders: { everyHours: 4, times: 0 } })['reminders.times']).toBe('Send at least one reminder, or turn reminders off.');
  });
  it('when N is 0 or negative, then it is refused', () => {
    expect(refused({ reminders: { everyHours: 0, times: 2 } })['reminders.everyHours']).toBe('Remind after a positive number of hours.');
    expect(refused({ reminders: { everyHours: -3, times: 2 } })['reminders.everyHours']).toBe('Remind after a positive number of hours.');
  });
  it('when the deadline or the expiry is in the past, then it is refused', () => {
    expect(refused({ acknowledgeBy: now - 1 }).acknowledgeBy).toBe('The deadline has passed: choose a time in the future.');
    expect(refused({ expiresAt: now }).expiresAt).toBe('The expiry has passed: choose a time in the future.');
  });
  it('when the deadline is after the expiry, then it is refused', () => {
    expect(refused({ acknowledgeBy: now + 2 * HOUR, expiresAt: now + HOUR }).acknowledgeBy).toMatch(/after the expiry/);
  });
  it('when a field is unknown or of the wrong type, then zod refuses it by name', () => {
    expect(Object.keys(refused({ remindEvery: 3 }))).toEqual(['plan']);
    expect(refused({ reminders: { everyHours: 'soon', times: 1 } })['reminders.everyHours']).toBe('Give the hours between reminders as a number.');
  });
  it('when the plan is sound, then defaults fill the rest', () => {
    expect(validatePlan({ acknowledgeBy: now + HOUR, reminders: { everyHours: 2, times: 3 } }, now)).toEqual({
      acknowledgeBy: now + HOUR,
      reminders: { everyHours: 2, times: 3, to: 'unacknowledged', activityFeed: false },
      expiresAt: null,
      onExpiry: 'update',
    });
  });
});

describe('reminders, the deadline summary and expiry against the emulator', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startTestHerald({ emulator: { users: 60 } });
  });
  afterAll(() => t.close());

  const content = cardContentSchema.parse({ title: 'Fire drill on Friday', body: 'Please read the evacuation plan.', acknowledge: true });
  const sendTo = async (userIds: string[], owner: { id: string; upn: string }) => {
    const id = globalThis.crypto.randomUUID();
    const notification = await t.herald.engine.createNotification(
      {
        tenantId: t.herald.settings.tenantId,
        title: content.title,
        card: buildCard(content, { notificationId: id }),
        content,
        audience: { include: userIds.map((userId) => ({ kind: 'user' as const, id: userId })) },
        createdBy: owner.upn,
        owner,
      },
      id,
    );
    await t.herald.engine.send(notification.id);
    await finished(t.herald, notification.id);
    return (await t.herald.store.notifications.get(notification.id))!;
  };
  const plan = (overrides: Partial<FollowUpPlan> = {}): FollowUpPlan => ({
    acknowledgeBy: Date.now() + 48 * HOUR,
    reminders: { everyHours: 4, times: 2, to: 'unacknowledged', activityFeed: false },
    expiresAt: null,
    onExpiry: 'update',
    ...overrides,
  });
  const acknowledge = (notificationId: string, userId: string) =>
    t.herald.store.responses.cards.acknowledge({ notificationId, tenantId: t.herald.settings.tenantId, userId, at: Date.now() });

  it('when a round runs, then only people who have not acknowledged get one reminder, and running it again sends nobody a second', async () => {
    const people = reachableMembers(t.emulator).slice(0, 10);
    const notification = await sendTo(people.map((p) => p.id), { id: people[0]!.id, upn: people[0]!.userPrincipalName });
    for (const person of people.slice(0, 4)) await acknowledge(notification.id, person.id);
    const runner = t.herald.engine.followUps;

    const first = await runner.runRound(notification, plan(), 1);
    expect(first).toMatchObject({ round: 1, sent: 6, failed: 0, skipped: 0 });
    const again = await runner.runRound(notification, plan(), 1);
    expect(again).toMatchObject({ sent: 0, failed: 0, skipped: 0 });

    for (const person of people.slice(0, 4)) expect(reminders(t, person.id)).toHaveLength(0);
    for (const person of people.slice(4)) {
      const [reminder] = reminders(t, person.id);
      expect(reminders(t, person.id)).toHaveLength(1);
      expect(reminder).toContain('Reminder 1 of 2');
      expect(reminder).toContain('Please acknowledge by {{DATE(');
      expect(reminder).toContain('https://teams.microsoft.com/l/message/');
    }
    expect(await t.herald.store.followups.roundCounts(notification.id, 1)).toMatchObject({ sent: 6, claimed: 0 });
  });

  it('when a process died in the middle of a round, then the next one reminds only the people nobody claimed, and never those claimed before the crash', async () => {
    const people = reachableMembers(t.emulator).slice(10, 30);
    const notification = await sendTo(people.map((p) => p.id), { id: people[0]!.id, upn: people[0]!.userPrincipalName });
    // The crashed process's claim: rows written `claimed`, the calls never answered (maybe made, maybe not).
    const claimedBeforeCrash = await t.herald.store.followups.claimReminders(notification.id, 1, 'unacknowledged', 7, Date.now());
    expect(claimedBeforeCrash).toHaveLength(7);
    const crashed = new Set(claimedBeforeCrash.map((target) => target.userId));

    // The process stops (its claim stays behind in the database) and a new one starts on the same database.
    await t.herald.close();
    const restarted = await t.restart();
    const resumed = await restarted.engine.followUps.runRound(notification, plan(), 1);
    expect(resumed.sent).toBe(13);
    for (const person of people) expect(reminders(t, person.id)).toHaveLength(crashed.has(person.id) ? 0 : 1);
    expect(await restarted.store.followups.roundCounts(notification.id, 1)).toMatchObject({ sent: 13, claimed: 7 });

    // Round 2 is a new round: everyone still unacknowledged, the crashed round's people included, gets one.
    await acknowledge(notification.id, people[0]!.id);
    const second = await restarted.engine.followUps.runRound(notification, plan(), 2);
    expect(second.sent).toBe(19);
  });

  it('when the deadline passes, then the sender gets one summary naming who has not acknowledged, even if the pass runs twice', async () => {
    const people = reachableMembers(t.emulator).slice(30, 36);
    const owner = people[0]!;
    const notification = await sendTo(people.map((p) => p.id), { id: owner.id, upn: owner.userPrincipalName });
    for (const person of people.slice(0, 2)) await acknowledge(notification.id, person.id);
    const before = chatOf(t, owner.id).length;
    // A plan whose deadline has just passed (set through the store: the use case refuses a past deadline).
    await t.herald.store.followups.setPlan(notification.id, plan({ acknowledgeBy: Date.now() - 1, reminders: null }), Date.now() - 1, Date.now());
    await t.herald.engine.followUps.tick();
    await t.herald.engine.followUps.tick();
    const summaries = chatOf(t, owner.id).slice(before).filter((text) => text.includes('Acknowledgement deadline reached'));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toContain('2 of 6 acknowledged; 4 did not');
    for (const person of people.slice(2)) expect(summaries[0]).toContain(person.displayName);
    for (const person of people.slice(0, 2)) expect(summaries[0]).not.toContain(`- ${person.displayName}`);
  });

  it('when it expires, then every card says so without buttons, and an acknowledgement after it is refused with the expired card', async () => {
    const people = reachableMembers(t.emulator).slice(36, 40);
    const notification = await sendTo(people.map((p) => p.id), { id: people[0]!.id, upn: people[0]!.userPrincipalName });
    await t.herald.store.followups.setPlan(notification.id, plan({ acknowledgeBy: null, reminders: null, expiresAt: Date.now() - 1 }), Date.now() - 1, Date.now());
    await t.herald.engine.followUps.tick();
    const recipients = await t.herald.store.recipients.page(notification.id, 0, 10, 'sent');
    expect(recipients.every((recipient) => recipient.followupStatus === 'updated')).toBe(true);
    for (const person of people) {
      const conversation = t.emulator.context.state.allConversations().find((c) => c.type === 'personal' && c.userId === person.id)!;
      const card = JSON.stringify(conversation.activities.filter((activity) => activity.from === 'bot').at(-1));
      expect(card).toContain('This announcement expired on');
      expect(card).not.toContain('herald.acknowledge');
    }

    const recipient = recipients[0]!;
    const answer = await handleCardAction(
      { store: t.herald.store, responses: t.herald.store.responses, events: { recorded: () => undefined } as never, clock: { now: () => Date.now(), sleep: async () => undefined, setTimer: () => () => undefined } },
      { tenantId: t.herald.settings.tenantId, userId: recipient.userId, verb: 'herald.acknowledge', data: { notificationId: notification.id }, conversation: { id: recipient.conversationId!, type: 'personal' } },
    );
    expect(answer.kind).toBe('card');
    expect(JSON.stringify(answer)).toContain('This announcement expired on');
    expect((await t.herald.store.responses.cards.responseOf(notification.id, recipient.userId))?.acknowledgedAt ?? null).toBeNull();
  });
});
