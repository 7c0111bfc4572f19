import { generateKeyPair, SignJWT } from 'jose';
import { CARD_VERBS } from '../../core/cards/card-template';
import { freshUsers, http, personalConversationId, sendContent, sentActivityId, startBotHerald, type TestHerald } from './support/bot-harness';

describe('who may talk to the bot', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startBotHerald();
  });
  afterAll(() => t.close());

  const endpoint = () => `${t.herald.web!.url}/api/messages`;

  /** A token with every claim the channel's has, signed with a key that is not the channel's. */
  async function forgedToken(kid: string): Promise<string> {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: t.emulator.info.botServiceUrl })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer('https://api.botframework.com')
      .setAudience(t.emulator.info.botAppId)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
  }

  function installActivity(userId: string, teamsUserId: string): Record<string, unknown> {
    const tenantId = t.emulator.info.tenantId;
    return {
      type: 'conversationUpdate',
      id: 'f:forged',
      channelId: 'msteams',
      serviceUrl: t.emulator.info.botServiceUrl,
      from: { id: teamsUserId, aadObjectId: userId },
      recipient: { id: `28:${t.emulator.info.botAppId}` },
      conversation: { conversationType: 'personal', tenantId, id: 'a:forged-conversation' },
      channelData: { tenant: { id: tenantId } },
      membersAdded: [{ id: `28:${t.emulator.info.botAppId}` }, { id: teamsUserId, aadObjectId: userId }],
    };
  }

  it('when an activity comes without a token or with a forged one, then the bot answers 401 and records nothing', async () => {
    const [user] = freshUsers(t, 1);
    const activity = installActivity(user!.id, user!.teamsUserId);
    const unsigned = await http('POST', endpoint(), activity);
    const wrongKey = await http('POST', endpoint(), activity, { authorization: `Bearer ${await forgedToken('not-a-channel-key')}` });
    const stolenKid = await http('POST', endpoint(), activity, { authorization: `Bearer ${await forgedToken(t.emulator.context.signing.kid)}` });
    expect([unsigned.status, wrongKey.status, stolenKid.status]).toEqual([401, 401, 401]);
    expect(await t.herald.store.conversations.get(t.herald.settings.tenantId, user!.id)).toBeUndefined();
    expect(await t.herald.store.responses.welcomes.get(t.herald.settings.tenantId, user!.id)).toBeUndefined();
  });

  it('when a forged card action names a real card, then it is refused and no acknowledgement is recorded', async () => {
    const [user] = freshUsers(t, 1);
    const id = await sendContent(t, { title: 'Quarterly numbers', acknowledge: true }, [user!.id]);
    const invoke = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'forged-invoke',
      channelId: 'msteams',
      serviceUrl: t.emulator.info.botServiceUrl,
      from: { id: user!.teamsUserId, aadObjectId: user!.id },
      recipient: { id: `28:${t.emulator.info.botAppId}` },
      conversation: { conversationType: 'personal', tenantId: t.emulator.info.tenantId, id: personalConversationId(t, user!.id) },
      channelData: { tenant: { id: t.emulator.info.tenantId } },
      replyToId: await sentActivityId(t, id, user!.id),
      value: { action: { type: 'Action.Execute', verb: CARD_VERBS.acknowledge, data: { notificationId: id } }, trigger: 'manual' },
    };
    const answer = await http('POST', endpoint(), invoke, { authorization: `Bearer ${await forgedToken(t.emulator.context.signing.kid)}` });
    expect(answer.status).toBe(401);
    expect(await t.herald.store.responses.cards.acknowledgedCount(id)).toBe(0);
  });
});
