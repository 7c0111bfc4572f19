import { finished, startTestHerald, type TestHerald } from '../../support/herald';
import { deliveriesByUser, reachableMembers, simpleCard } from '../../support/deliveries';

const waitFor = async (check: () => Promise<boolean> | boolean): Promise<void> => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 25));
};

describe('throttling, cancel and recovery against the emulator with real limits', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startTestHerald({ emulator: { users: 400, limits: 'real' } });
  });
  afterAll(() => t.close());

  const create = (userIds: string[]) =>
    t.herald.engine.createNotification({
      tenantId: t.herald.settings.tenantId,
      title: 'Throttled',
      card: simpleCard('hello'),
      audience: { include: [{ kind: 'csv' as const, text: userIds.join('\n') }] },
      createdBy: 'test',
    });
  /** Makes Herald know these users' chats already (as if installed earlier), so sends are all that is left. */
  const preinstall = async (userIds: string[]): Promise<void> => {
    const state = t.emulator.context.state;
    for (const userId of userIds) {
      state.install('user', userId, t.emulator.info.id, { silent: true });
      const conversation = state.personalConversation(userId, t.emulator.info.botAppId);
      await t.herald.engine.recordConversation({ tenantId: state.tenantId, userId, conversationId: conversation.id, serviceUrl: t.emulator.info.botServiceUrl, source: 'bot' });
    }
  };

  it('when Graph answers inner 429s in $batch, then Herald waits Retry-After and still installs everyone once', async () => {
    const users = reachableMembers(t.emulator).slice(0, 30).map((u) => u.id);
    const limits = t.emulator.context.limits;
    // Another app of the tenant keeps using most of the installedApps POST budget while Herald installs.
    const useBudget = () => {
      for (let i = 0; i < 25; i += 1) limits.take([{ rule: 'graph.installedApps.post', key: t.emulator.info.tenantId }]);
    };
    useBudget();
    const rival = setInterval(useBudget, 1000);
    const notification = await create(users);
    await t.herald.engine.send(notification.id);
    await finished(t.herald, notification.id).finally(() => clearInterval(rival));
    expect(limits.throttled()['graph.installedApps.post'] ?? 0).toBeGreaterThan(0);
    const deliveries = deliveriesByUser(t.emulator);
    expect(users.map((id) => deliveries.get(id))).toEqual(users.map(() => 1));
    expect((await t.herald.engine.counts(notification.id)).sent).toBe(30);
  });

  it('when a broadcast is cancelled, then only the calls already on the wire are made after it, and the rest are marked cancelled', async () => {
    const users = reachableMembers(t.emulator).slice(60, 260).map((u) => u.id);
    await preinstall(users);
    const delivered = (): number => {
      const deliveries = deliveriesByUser(t.emulator);
      return users.filter((id) => deliveries.has(id)).length;
    };
    const notification = await create(users);
    await t.herald.engine.send(notification.id);
    await waitFor(async () => (await t.herald.engine.counts(notification.id)).sent >= 20);
    await t.herald.engine.cancel(notification.id);
    const deliveredAtCancel = delivered();
    await finished(t.herald, notification.id);
    // Every row reaches an end (sent or cancelled). Herald calls Teams only for a row it holds in `sending`, and a
    // cancelled row is never claimed again, so from here on nothing more can be sent for this notification: proven
    // by the state, not by watching the clock for a while.
    await waitFor(async () => {
      const counts = await t.herald.engine.counts(notification.id);
      return counts.sending + counts.installing + counts.pending + counts.ready === 0;
    });
    const counts = await t.herald.engine.counts(notification.id);
    expect(counts.cancelled).toBeGreaterThan(0);
    expect(counts.sent + counts.cancelled).toBe(users.length);
    // Calls waiting for a rate-limit slot at the cancel were dropped: what reached chats after it is at most what
    // held a slot (Teams' 50 calls per second window).
    expect(delivered() - deliveredAtCancel).toBeLessThanOrEqual(50);
    // Each sent row is exactly one card in that person's chat, and no cancelled person got one.
    const deliveries = deliveriesByUser(t.emulator);
    expect(users.filter((id) => deliveries.get(id) === 1).length).toBe(counts.sent);
    expect(users.filter((id) => !deliveries.has(id)).length).toBe(counts.cancelled);
  });

  it('when Herald stops abruptly mid-broadcast and starts again, then everyone gets the card and only in-flight sends can repeat', async () => {
    const users = reachableMembers(t.emulator).slice(260, 380).map((u) => u.id);
    await preinstall(users);
    const notification = await create(users);
    await t.herald.engine.send(notification.id);
    await waitFor(async () => (await t.herald.engine.counts(notification.id)).sent >= 30);
    // Answered sends whose outcome was not yet written are lost by the crash, as are the sends on the wire.
    const unwritten = await t.herald.engine.halt();
    await t.herald.close();
    const restarted = await t.restart();
    await finished(restarted, notification.id);
    const deliveries = deliveriesByUser(t.emulator);
    const perUser = users.map((id) => deliveries.get(id) ?? 0);
    expect(perUser.filter((n) => n === 0)).toHaveLength(0);
    const repeated = perUser.filter((n) => n > 1).length;
    // The bound (core/README.md): sends in flight at the stop plus completions not yet written.
    expect(repeated).toBeLessThanOrEqual(64 + unwritten);
    expect((await restarted.engine.counts(notification.id)).sent).toBe(users.length);
  });
});
