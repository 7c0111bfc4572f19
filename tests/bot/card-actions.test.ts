import { finished } from '../support/herald';
import { simpleCard } from '../support/deliveries';
import { CARD_VERBS } from '../../core/cards/card-template';
import { responseEvents } from '../../core/responses/response-events';
import { activitiesIn, cardText, freshUsers, http, personalConversationId, sendContent, sentActivityId, startBotHerald, teamsApi, type TestHerald } from './support/bot-harness';

describe('acknowledgements and polls on cards', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startBotHerald();
  });
  afterAll(() => t.close());

  /** Clicks an `Action.Execute` in the emulated Teams client (a signed `adaptiveCard/action` invoke). */
  const click = async (userId: string, activityId: string, verb: string, data: Record<string, unknown>, trigger: 'manual' | 'automatic' = 'manual') => {
    const { status, json } = await http('POST', `${teamsApi(t)}/conversations/${encodeURIComponent(personalConversationId(t, userId))}/invoke`, {
      userId,
      activityId,
      action: { verb, data },
      trigger,
    });
    expect(status).toBe(200);
    return json as { kind: string; card?: Record<string, unknown>; text?: string; message?: string };
  };

  it('when a recipient acknowledges twice, then one acknowledgement is recorded and the card shows it', async () => {
    const [alice, bob] = freshUsers(t, 2);
    const id = await sendContent(t, { title: 'New travel policy', summary: 'Please read it.', acknowledge: true }, [alice!.id, bob!.id]);
    const activityId = await sentActivityId(t, id, alice!.id);
    const heard: string[] = [];
    const listener = (notificationId: string) => heard.push(notificationId);
    responseEvents.on('recorded', listener);

    const first = await click(alice!.id, activityId, CARD_VERBS.acknowledge, { notificationId: id });
    const firstAt = (await t.herald.store.responses.cards.responseOf(id, alice!.id))?.acknowledgedAt;
    const second = await click(alice!.id, activityId, CARD_VERBS.acknowledge, { notificationId: id });
    responseEvents.off('recorded', listener);

    expect(first.kind).toBe('card');
    expect(cardText(second.card!)).toContain('Acknowledged ✓');
    expect(JSON.stringify(second.card)).not.toContain(CARD_VERBS.acknowledge.concat('"'));
    expect(await t.herald.store.responses.cards.acknowledgedCount(id)).toBe(1);
    expect((await t.herald.store.responses.cards.responseOf(id, alice!.id))?.acknowledgedAt).toBe(firstAt);
    expect(heard).toEqual([id, id]);
    // The emulated Teams replaced the card in Alice's chat; Bob's is untouched and his refresh shows his own state.
    const [stored] = (await activitiesIn(t, personalConversationId(t, alice!.id))).filter((a) => a.id === activityId);
    expect(cardText(stored!.activity)).toContain('Acknowledged ✓');
    const bobsView = await click(bob!.id, await sentActivityId(t, id, bob!.id), CARD_VERBS.refresh, { notificationId: id }, 'automatic');
    expect(cardText(bobsView.card!)).not.toContain('Acknowledged ✓');
  });

  it('when a recipient changes a poll answer, then the new answer replaces the old one and the results show it', async () => {
    const users = freshUsers(t, 3);
    const poll = { question: 'Which day suits the offsite?', options: ['Monday', 'Tuesday', 'Friday'], showResults: true };
    const id = await sendContent(t, { title: 'Offsite', poll }, users.map((user) => user.id));
    const [first, second] = users;
    await click(second!.id, await sentActivityId(t, id, second!.id), CARD_VERBS.vote, { notificationId: id, choices: '2' });
    const activityId = await sentActivityId(t, id, first!.id);
    await click(first!.id, activityId, CARD_VERBS.vote, { notificationId: id, choices: '0' });
    const changed = await click(first!.id, activityId, CARD_VERBS.vote, { notificationId: id, choices: '1' });

    expect(await t.herald.store.responses.cards.pollResults(id, 3)).toEqual({ counts: [0, 1, 1], total: 2 });
    expect((await t.herald.store.responses.cards.responseOf(id, first!.id))?.choices).toEqual([1]);
    const text = cardText(changed.card!);
    expect(text).toContain('Your answer: Tuesday');
    expect(JSON.stringify(changed.card)).toContain('1 (50%)');
    // The third recipient has not answered: a refresh shows neither an answer nor the results.
    const fresh = await click(users[2]!.id, await sentActivityId(t, id, users[2]!.id), CARD_VERBS.refresh, { notificationId: id }, 'automatic');
    expect(cardText(fresh.card!)).not.toContain('Your answer');
    expect(JSON.stringify(fresh.card)).not.toContain('(50%)');
  });

  it('when a single-choice poll gets two answers, then it is refused and nothing is recorded', async () => {
    const [user] = freshUsers(t, 1);
    const id = await sendContent(t, { title: 'Pick one', poll: { question: 'Tea or coffee?', options: ['Tea', 'Coffee'] } }, [user!.id]);
    const answer = await click(user!.id, await sentActivityId(t, id, user!.id), CARD_VERBS.vote, { notificationId: id, choices: '0,1' });
    expect(answer).toEqual({ kind: 'message', text: 'Choose one answer.' });
    expect(await t.herald.store.responses.cards.pollResults(id, 2)).toEqual({ counts: [0, 0], total: 0 });
  });

  it('when an older client sends Action.Submit, then the answer is recorded and the card is updated in place', async () => {
    const [user] = freshUsers(t, 1);
    const id = await sendContent(t, { title: 'Safety briefing', acknowledge: true }, [user!.id]);
    const activityId = await sentActivityId(t, id, user!.id);
    const conversationId = personalConversationId(t, user!.id);
    const posted = await http('POST', `${teamsApi(t)}/conversations/${encodeURIComponent(conversationId)}/messages`, {
      userId: user!.id,
      value: { verb: CARD_VERBS.acknowledge, notificationId: id },
      replyToId: activityId,
    });
    expect(posted.json.botStatus).toBe(200);
    expect(await t.herald.store.responses.cards.acknowledgedCount(id)).toBe(1);
    const [card] = (await activitiesIn(t, conversationId)).filter((a) => a.id === activityId);
    expect(card!.updates).toBe(2);
    expect(cardText(card!.activity)).toContain('Acknowledged ✓');
  });

  it('when someone acts on a card that was not sent to them, then nothing is recorded and they are told', async () => {
    const [recipient, outsider] = freshUsers(t, 2);
    const id = await sendContent(t, { title: 'Board update', acknowledge: true }, [recipient!.id]);
    // The outsider has Herald and replays the notification id in a card of their own chat.
    const other = await sendContent(t, { title: 'Hello', acknowledge: true }, [outsider!.id]);
    const answer = await click(outsider!.id, await sentActivityId(t, other, outsider!.id), CARD_VERBS.acknowledge, { notificationId: id });
    expect(answer.kind).toBe('message');
    expect(await t.herald.store.responses.cards.acknowledgedCount(id)).toBe(0);
  });

  it('when a raw Adaptive Card from the command line is acknowledged, then the message it came in identifies it and the card gains a line', async () => {
    const [user] = freshUsers(t, 1);
    const { herald } = t;
    const card = { ...simpleCard('Fire drill at 3 pm'), actions: [{ type: 'Action.Execute', title: 'Got it', verb: CARD_VERBS.acknowledge }] };
    const notification = await herald.engine.createNotification({
      tenantId: herald.settings.tenantId,
      title: 'Drill',
      card,
      audience: { include: [{ kind: 'user', id: user!.id }] },
      createdBy: 'cli',
    });
    await herald.engine.send(notification.id);
    await finished(herald, notification.id);
    const answer = await click(user!.id, await sentActivityId(t, notification.id, user!.id), CARD_VERBS.acknowledge, {});
    expect(cardText(answer.card!)).toBe('Fire drill at 3 pm\nAcknowledged ✓');
    expect(answer.card!.actions).toBeUndefined();
    expect(await herald.store.responses.cards.acknowledgedCount(notification.id)).toBe(1);
  });
});
