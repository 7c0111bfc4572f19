import { CARD_VERBS } from '../../core/cards/card-template';
import { sendToBot, userActivityBase } from '../../emulator/teams/bot-client';
import { freshUsers, personalConversationId, sendContent, sentActivityId, startBotHerald, type TestHerald } from './support/bot-harness';

describe('a card answer counts only from the recipient’s own chat with Herald, for a card sent to them', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startBotHerald();
  });
  afterAll(() => t.close());

  /** An `adaptiveCard/action` invoke signed as the channel, from `userId`, in the conversation `conversation` names. */
  async function invoke(userId: string, replyToId: string, data: Record<string, unknown>, conversation: Record<string, unknown> = {}, verb: string = CARD_VERBS.acknowledge) {
    const ctx = t.emulator.context;
    const personal = ctx.state.personalConversation(userId, ctx.state.directory.botClient.clientId);
    const base = userActivityBase(ctx, personal, userId);
    const activity = {
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId,
      conversation: { ...(base.conversation as Record<string, unknown>), ...conversation },
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    };
    const answer = await sendToBot(ctx, activity);
    expect(answer.status).toBe(200);
    return answer.body as { statusCode: number; type: string; value: unknown };
  }
  const acknowledged = (id: string) => t.herald.store.responses.cards.acknowledgedCount(id);

  it('when the recipient answers in their 1:1 chat, then it is recorded (the chat Herald delivered to)', async () => {
    const [user] = freshUsers(t, 1);
    const id = await sendContent(t, { title: 'Read me', acknowledge: true }, [user!.id]);
    const answer = await invoke(user!.id, await sentActivityId(t, id, user!.id), { notificationId: id });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(await acknowledged(id)).toBe(1);
  });

  it.each([
    ['a group chat the card was forwarded to', { conversationType: 'groupChat', isGroup: true, id: '19:3f1c0a9e4b7d4e8f9a2b6c1d0e5f7a8b@thread.v2' }],
    ['a team channel', { conversationType: 'channel', isGroup: true, id: '19:general0000@thread.tacv2' }],
    ['another personal conversation than the one Herald delivered to', { id: 'a:1someotherconversation' }],
  ])('when the recipient answers from %s, then a polite note asks them to answer in their own chat and nothing is recorded', async (_where, conversation) => {
    const [user] = freshUsers(t, 1);
    const id = await sendContent(t, { title: 'Vote', poll: { question: 'Tea or coffee?', options: ['Tea', 'Coffee'] } }, [user!.id]);
    const answer = await invoke(user!.id, await sentActivityId(t, id, user!.id), { notificationId: id, choices: '0' }, conversation, CARD_VERBS.vote);
    expect(answer).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/only from the card it sent you, in your own chat with Herald/) });
    expect(await t.herald.store.responses.cards.pollResults(id, 2)).toEqual({ counts: [0, 0], total: 0 });
  });

  it('when the person is a recipient whose card was never delivered (failed), then their answer is refused', async () => {
    const [delivered, blocked] = freshUsers(t, 2);
    t.emulator.context.state.policyBlockedUserIds.add(blocked!.id);
    const id = await sendContent(t, { title: 'Policy', acknowledge: true }, [delivered!.id, blocked!.id]);
    const rows = await t.herald.store.recipients.page(id, 0, 10);
    expect(rows.find((row) => row.userId === blocked!.id)?.state).toBe('failed');
    // The blocked person replays the notification's id from a card of their own 1:1 chat.
    const answer = await invoke(blocked!.id, 'any-activity', { notificationId: id });
    expect(answer.value).toMatch(/was not sent to you/);
    expect(await acknowledged(id)).toBe(0);
  });

  it('when the recipient’s row holds Graph’s name of the chat, then an answer from that 1:1 chat still counts', async () => {
    const [user] = freshUsers(t, 1);
    const id = await sendContent(t, { title: 'Both names', acknowledge: true }, [user!.id]);
    const botAppId = t.emulator.context.state.directory.botClient.clientId;
    const row = (await t.herald.store.recipients.page(id, 0, 10))[0]!;
    expect(row.conversationId).toBe(personalConversationId(t, user!.id));
    // What the row would hold had Herald found the chat through Graph (installedApps/{id}/chat).
    const graphChatId = t.emulator.context.state.personalConversation(user!.id, botAppId).chatId;
    await (t.herald.store as unknown as { db: { updateTable: (name: string) => any } }).db.updateTable('recipients').set({ conversation_id: graphChatId }).where('id', '=', row.id).execute();
    await invoke(user!.id, row.activityId!, { notificationId: id });
    expect(await acknowledged(id)).toBe(1);
  });
});
