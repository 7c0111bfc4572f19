import { ActivityCache } from '../../../core/delivery/activity-cache';
import type { Notification } from '../../../core/notifications/notification';
import { CARD, draft, harness, type Harness } from './fakes/harness';

describe('the activity of each sending notification', () => {
  let h: Harness;
  let reads: number;
  let cache: ActivityCache;
  beforeEach(async () => {
    h = await harness();
    reads = 0;
    const counted = {
      get: (id: string): Promise<Notification | undefined> => {
        reads += 1;
        return h.store.notifications.get(id);
      },
    };
    cache = new ActivityCache(counted);
  });
  afterEach(() => h.store.close());

  const version = async (id: string) => {
    const notification = await h.store.notifications.get(id);
    return { id, updatedAt: notification!.updatedAt };
  };
  const textOf = (activity: Record<string, unknown> | undefined) =>
    (activity?.attachments as Array<{ content: { body: Array<{ text: string }> } }>)[0]!.content.body[0]!.text;

  it('is built once per version of the notification, however many recipients it goes to', async () => {
    const notification = await h.engine.createNotification(draft());
    const current = await version(notification.id);
    const first = await cache.of(current);
    for (let claim = 0; claim < 10; claim += 1) expect(await cache.of(current)).toBe(first);
    expect(reads).toBe(1);
    expect(first).toMatchObject({ type: 'message', summary: 'Hello' });
    expect(textOf(first)).toBe('Hello');
  });

  it('when the notification is edited while sending, then the next claim gets the edited card', async () => {
    const notification = await h.engine.createNotification(draft());
    await cache.of(await version(notification.id));
    await h.store.notifications.update(notification.id, { card: { ...CARD, body: [{ type: 'TextBlock', text: 'Corrected' }] } as never }, notification.updatedAt + 1);
    const edited = await cache.of(await version(notification.id));
    expect(textOf(edited)).toBe('Corrected');
    expect(reads).toBe(2);
  });

  it('when a notification is no longer sending, then it is forgotten; and one that is gone has no activity', async () => {
    const kept = await h.engine.createNotification(draft());
    const finished = await h.engine.createNotification(draft());
    await cache.of(await version(kept.id));
    await cache.of(await version(finished.id));
    expect(cache.size).toBe(2);
    cache.keepOnly([kept.id]);
    expect(cache.size).toBe(1);
    expect(await cache.of({ id: 'no-such-notification', updatedAt: 0 })).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});
