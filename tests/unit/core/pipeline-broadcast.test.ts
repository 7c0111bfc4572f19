import type { ProgressEvent } from '../../../core/delivery/progress';
import { chatIdOf } from './fakes/fake-installer';
import { userId } from './fakes/fake-directory';
import { draft, harness, SERVICE_URL, TENANT, waitForStatus, type Harness } from './fakes/harness';

describe('the delivery pipeline, end to end over a SQLite store with fake ports', () => {
  let h: Harness;
  afterEach(async () => {
    await h.engine.stop();
    await h.store.close();
  });

  it('when nobody has Herald yet, then each person is installed for, their chat fetched, and sent exactly one card', async () => {
    h = await harness({ users: 30 });
    await h.engine.start();
    const notification = await h.engine.createNotification(draft());
    const report = await h.engine.send(notification.id);
    expect(report).toMatchObject({ recipients: 30, needInstall: 30 });
    await waitForStatus(h, notification.id, 'completed');
    expect(await h.engine.counts(notification.id)).toMatchObject({ sent: 30, failed: 0, pending: 0, sending: 0 });
    expect([...h.messenger.delivered.values()]).toEqual(Array(30).fill(1));
    expect(h.installer.count('post')).toBe(30);
    const [first] = await h.store.recipients.page(notification.id, 0, 1);
    expect(first).toMatchObject({ state: 'sent', conversationId: chatIdOf(first!.userId), serviceUrl: SERVICE_URL });
    expect(first!.activityId).toMatch(/^1:/);
  });

  it('when the bot hears of the install first, then the chat is taken from its event and Graph is not asked for it', async () => {
    h = await harness({ users: 10, config: { installEventWaitMs: 60_000 } });
    h.installer.onInstalled = (user) =>
      void h.engine.recordConversation({ tenantId: TENANT, userId: user, conversationId: `a:${user}`, serviceUrl: SERVICE_URL, source: 'bot' });
    await h.engine.start();
    const notification = await h.engine.createNotification(draft());
    await h.engine.send(notification.id);
    await waitForStatus(h, notification.id, 'completed');
    expect(h.installer.count('chat')).toBe(0);
    expect(h.messenger.delivered.get(`a:${userId(3)}`)).toBe(1);
    expect((await h.store.conversations.get(TENANT, userId(3)))?.source).toBe('bot');
  });

  it('when a conversation is already cached, then the person is sent to without any install call', async () => {
    h = await harness({ users: 5 });
    for (let n = 1; n <= 5; n += 1) {
      await h.store.conversations.upsert({ tenantId: TENANT, userId: userId(n), conversationId: `c${n}`, serviceUrl: SERVICE_URL, source: 'bot', updatedAt: 0 });
    }
    await h.engine.start();
    const notification = await h.engine.createNotification(draft());
    expect(await h.engine.send(notification.id)).toMatchObject({ recipients: 5, needInstall: 0 });
    await waitForStatus(h, notification.id, 'completed');
    expect(h.installer.calls).toHaveLength(0);
    expect(h.messenger.delivered.get('c4')).toBe(1);
  });

  it('when the app is already installed (409), then the chat is fetched at once without waiting for an event', async () => {
    h = await harness({ users: 3, config: { installEventWaitMs: 60_000 } });
    for (let n = 1; n <= 3; n += 1) h.installer.installed.add(userId(n));
    await h.engine.start();
    const notification = await h.engine.createNotification(draft());
    await h.engine.send(notification.id);
    await waitForStatus(h, notification.id, 'completed');
    expect(h.installer.count('chat')).toBe(3);
    expect(await h.engine.counts(notification.id)).toMatchObject({ sent: 3 });
  });

  it('when someone subscribes to progress, then they see the status changes and counts from the store as the broadcast runs', async () => {
    h = await harness({ users: 8 });
    const events: ProgressEvent[] = [];
    const unsubscribe = h.engine.subscribe((event) => events.push(event));
    await h.engine.start();
    const notification = await h.engine.createNotification(draft());
    await h.engine.send(notification.id);
    await waitForStatus(h, notification.id, 'completed');
    unsubscribe();
    const statuses = events.flatMap((event) => (event.type === 'status' ? [event.status] : []));
    expect(statuses).toEqual(['resolving', 'sending', 'completed']);
    const last = events.filter((event) => event.type === 'progress').pop();
    expect(last).toMatchObject({ notificationId: notification.id, counts: { sent: 8, pending: 0 } });
  });
});
