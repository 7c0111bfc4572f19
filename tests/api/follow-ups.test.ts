import { reachableMembers } from '../support/deliveries';
import { finished } from '../support/herald';
import { startApiHerald, type ApiHerald } from './support/api-herald';

const HOUR = 3_600_000;

describe('the admin API: a notification\'s follow-up plan', () => {
  let t: ApiHerald;
  const tokens = new Map<string, string>();
  const as = (who: string) => tokens.get(who)!;

  beforeAll(async () => {
    t = await startApiHerald();
    const people = reachableMembers(t.emulator);
    const admin = await t.tokenFor(t.adminUpn);
    tokens.set('admin', admin);
    for (const [who, index] of [['owner', 11], ['other sender', 12]] as const) {
      expect((await t.call(admin, 'PUT', `/api/senders/${people[index]!.id}`, { role: 'sender', allowedAudienceKinds: ['user', 'group'] })).status).toBe(200);
      tokens.set(who, await t.tokenFor(people[index]!.userPrincipalName));
    }
  });
  afterAll(() => t.close());

  const audience = () => ({ include: reachableMembers(t.emulator).slice(20, 24).map((user) => ({ kind: 'user', id: user.id, label: user.displayName })) });
  const draft = async () => {
    const created = await t.call(as('owner'), 'POST', '/api/notifications', { content: { title: 'Badge renewal', summary: 'Renew by Friday', acknowledge: true }, audience: audience() });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const inFuture = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

  it('when the owner sets a plan on a draft, then it is kept, audited, and the deadline is on the card that will be sent', async () => {
    const id = await draft();
    const put = await t.call(as('owner'), 'PUT', `/api/notifications/${id}/follow-ups`, { acknowledgeBy: inFuture(48), reminders: { everyHours: 24, times: 2 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ plan: { reminders: { everyHours: 24, times: 2, to: 'unacknowledged', activityFeed: false }, expiresAt: null, onExpiry: 'update' }, roundsDone: 0, rounds: [] });
    const read = await t.call(as('owner'), 'GET', `/api/notifications/${id}/follow-ups`);
    expect(read.body.plan.acknowledgeBy).toBe(put.body.plan.acknowledgeBy);
    const card = JSON.stringify((await t.herald.store.notifications.get(id))!.card);
    expect(card).toContain('Please acknowledge by {{DATE(');
    const audit = await t.herald.store.audit.page(t.herald.settings.tenantId, undefined, 20);
    expect(audit.find((entry) => entry.action === 'notification.followups' && entry.target === id)).toBeDefined();
  });

  it('when the plan asks for 0 reminders, reminders every 0 hours or a deadline in the past, then 400 with a sentence and the fields, and nothing is kept', async () => {
    const id = await draft();
    const zero = await t.call(as('owner'), 'PUT', `/api/notifications/${id}/follow-ups`, { reminders: { everyHours: 4, times: 0 } });
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toBe('The follow-up plan is not valid: Send at least one reminder, or turn reminders off.');
    const never = await t.call(as('owner'), 'PUT', `/api/notifications/${id}/follow-ups`, { reminders: { everyHours: 0, times: 2 } });
    expect(never.status).toBe(400);
    expect(never.body.error.message).toBe('The follow-up plan is not valid: Remind after a positive number of hours.');
    const past = await t.call(as('owner'), 'PUT', `/api/notifications/${id}/follow-ups`, { acknowledgeBy: new Date(Date.now() - HOUR).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toBe('The follow-up plan is not valid: The deadline has passed: choose a time in the future.');
    expect(await t.herald.store.followups.get(id)).toBeUndefined();
  });

  it('when another sender tries to set or read a plan on a notification that is not theirs, then 403 and nothing changes; an administrator may', async () => {
    const id = await draft();
    const refused = await t.call(as('other sender'), 'PUT', `/api/notifications/${id}/follow-ups`, { expiresAt: inFuture(2) });
    expect(refused.status).toBe(403);
    expect((await t.call(as('other sender'), 'GET', `/api/notifications/${id}/follow-ups`)).status).toBe(403);
    expect(await t.herald.store.followups.get(id)).toBeUndefined();
    expect((await t.call(as('admin'), 'PUT', `/api/notifications/${id}/follow-ups`, { expiresAt: inFuture(2), onExpiry: 'recall' })).status).toBe(200);
  });

  it('when a deadline is added to a sent notification, then every delivered card is updated to show it; removing the plan keeps nothing due', async () => {
    const id = await draft();
    expect((await t.call(as('owner'), 'POST', `/api/notifications/${id}/send`, {})).status).toBe(200);
    expect(await finished(t.herald, id)).toBe('completed');
    const put = await t.call(as('owner'), 'PUT', `/api/notifications/${id}/follow-ups`, { acknowledgeBy: inFuture(24) });
    expect(put.status).toBe(200);
    for (;;) {
      const rows = await t.herald.store.recipients.page(id, 0, 10, 'sent');
      if (rows.every((row) => row.followupStatus === 'updated')) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const removed = await t.call(as('owner'), 'DELETE', `/api/notifications/${id}/follow-ups`);
    expect(removed.status).toBe(200);
    expect(removed.body.plan).toBeNull();
  });
});
