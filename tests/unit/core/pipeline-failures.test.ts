import { PlatformError } from '../../../core/ports/platform-error';
import { chatIdOf } from './fakes/fake-installer';
import { userId } from './fakes/fake-directory';
import { draft, harness, SERVICE_URL, TENANT, waitForStatus, type Harness } from './fakes/harness';

const byUser = async (h: Harness, notificationId: string, n: number) =>
  (await h.store.recipients.page(notificationId, 0, 1000)).find((recipient) => recipient.userId === userId(n))!;

describe('the pipeline when Microsoft says no', () => {
  let h: Harness;
  afterEach(async () => {
    await h.engine.stop();
    await h.store.close();
  });

  async function broadcast(users: number, arrange: (h: Harness) => void | Promise<void>): Promise<string> {
    h = await harness({ users });
    await arrange(h);
    await h.engine.start();
    const notification = await h.engine.createNotification(draft());
    await h.engine.send(notification.id);
    await waitForStatus(h, notification.id, 'completed');
    return notification.id;
  }

  it('when a cached conversation turns out gone (403 not installed), then Herald reinstalls, re-fetches and sends once', async () => {
    const id = await broadcast(2, async (h) => {
      await h.store.conversations.upsert({ tenantId: TENANT, userId: userId(1), conversationId: 'stale', serviceUrl: SERVICE_URL, source: 'bot', updatedAt: 0 });
      h.messenger.fail('stale', new PlatformError('connector', 403, 'ForbiddenOperationException', 'Bot is not installed in user personal scope'), 99);
    });
    const repaired = await byUser(h, id, 1);
    expect(repaired).toMatchObject({ state: 'sent', repaired: true, conversationId: chatIdOf(userId(1)) });
    expect(h.messenger.delivered.get(chatIdOf(userId(1)))).toBe(1);
    expect((await h.store.conversations.get(TENANT, userId(1)))?.conversationId).toBe(chatIdOf(userId(1)));
  });

  it('when the conversation is still refused after the repair, then the recipient fails with a reason instead of looping', async () => {
    const id = await broadcast(1, (h) => {
      h.messenger.fail(chatIdOf(userId(1)), new PlatformError('connector', 404, 'ConversationNotFound', 'gone'), 99);
    });
    expect(await byUser(h, id, 1)).toMatchObject({ state: 'failed', reason: 'conversation_lost', repaired: true });
    expect(h.installer.count('post')).toBe(2);
  });

  it('when the app policy blocks the install, then the recipient fails as blocked_by_app_policy and the rest are sent', async () => {
    const id = await broadcast(3, (h) => h.installer.fail(userId(2), new PlatformError('graph', 403, 'Forbidden', 'policy'), 99));
    expect(await byUser(h, id, 2)).toMatchObject({ state: 'failed', reason: 'blocked_by_app_policy' });
    expect(await h.engine.counts(id)).toMatchObject({ sent: 2, failed: 1 });
  });

  it('when the user blocked the bot, then the recipient fails as user_blocked_bot without a reinstall', async () => {
    const id = await broadcast(1, (h) => h.messenger.fail(chatIdOf(userId(1)), new PlatformError('connector', 403, 'ConversationBlockedByUser', 'blocked'), 99));
    expect(await byUser(h, id, 1)).toMatchObject({ state: 'failed', reason: 'user_blocked_bot', repaired: false });
    expect(h.installer.count('post')).toBe(1);
  });

  it('when sends are throttled (429) and then accepted, then everyone gets exactly one card and throttling costs no attempt', async () => {
    const id = await broadcast(5, (h) => {
      for (let n = 1; n <= 5; n += 1) h.messenger.fail(chatIdOf(userId(n)), new PlatformError('connector', 429, 'Throttled', 'x', { retryAfterMs: 5 }), 8);
    });
    expect(await h.engine.counts(id)).toMatchObject({ sent: 5, failed: 0 });
    expect([...h.messenger.delivered.values()]).toEqual([1, 1, 1, 1, 1]);
    expect((await byUser(h, id, 3)).attempts).toBe(0);
  });

  it('when 5xx answers never stop, then the recipient fails as retries_exhausted after the attempt cap', async () => {
    const id = await broadcast(1, (h) => h.messenger.fail(chatIdOf(userId(1)), new PlatformError('connector', 502, undefined, 'bad gateway'), 99));
    expect(await byUser(h, id, 1)).toMatchObject({ state: 'failed', reason: 'retries_exhausted', attempts: 3 });
    expect(h.messenger.sends).toBe(4);
  });

  it('when a transient install failure clears, then the person is still reached', async () => {
    const id = await broadcast(1, (h) => h.installer.fail(userId(1), new PlatformError('graph', 503, 'ServiceUnavailable', 'x'), 2));
    expect(await byUser(h, id, 1)).toMatchObject({ state: 'sent', attempts: 2 });
  });
});
