import { startApiHerald, readEvents, type ApiHerald } from './support/api-herald';

describe('the admin API: send, watch, cancel, export', () => {
  let t: ApiHerald;
  let admin: string;
  beforeAll(async () => {
    t = await startApiHerald();
    admin = await t.tokenFor(t.adminUpn);
  });
  afterAll(() => t.close());

  /** A group without nested groups, and the people in it a broadcast sends to (enabled members). */
  const smallGroup = () => {
    const state = t.emulator.context.state;
    const group = state.directory.groups.find((g) => g.memberGroupIds.length === 0 && g.memberUserIds.length >= 3 && g.memberUserIds.length <= 20)!;
    const people = group.memberUserIds.map((id) => state.usersById.get(id)!).filter((user) => user.userType === 'Member' && user.accountEnabled);
    return { group, people, licensed: people.filter((user) => user.hasTeamsLicense) };
  };
  /** The stream's address: a single-use ticket asked for with the bearer header, never the token itself. */
  const eventsUrl = async (id: string) => {
    const answer = await t.call(admin, 'POST', `/api/notifications/${id}/events/ticket`);
    expect(answer.status).toBe(201);
    return `${t.baseUrl}/api/notifications/${id}/events?ticket=${encodeURIComponent(answer.body.ticket as string)}`;
  };
  const draftFor = async (audience: unknown, extra: Record<string, unknown> = {}) => {
    const created = await t.call(admin, 'POST', '/api/notifications', { content: { title: 'Town hall', summary: 'Thursday 10:00', ...extra }, audience });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  it('when a draft is sent to a group, then events show progress then done, and the report, recipients and export agree', async () => {
    const { group, people, licensed } = smallGroup();
    const id = await draftFor({ include: [{ kind: 'group', id: group.id, label: group.displayName }] }, { poll: { question: 'Coming?', options: ['Yes', 'No'] } });
    const events = readEvents(await eventsUrl(id), (seen) => seen.some((e) => e.event === 'done'));

    const sent = await t.call(admin, 'POST', `/api/notifications/${id}/send`, { timeZone: 'Europe/Paris' });
    expect(sent.status).toBe(200);
    expect(['resolving', 'sending', 'completed']).toContain(sent.body.status);

    const seen = await events;
    expect(seen[0]!.event).toBe('progress');
    const done = seen.findIndex((e) => e.event === 'done');
    expect(done).toBeGreaterThan(0);
    const last = seen[done - 1]!.data;
    expect(last).toMatchObject({ notificationId: id, status: 'completed', total: people.length, acknowledged: 0, poll: { options: ['Yes', 'No'], counts: [0, 0], total: 0 } });
    expect(last.counts.sent).toBe(licensed.length);
    expect(last.counts.failed ?? 0).toBe(people.length - licensed.length);

    const report = await t.call(admin, 'GET', `/api/notifications/${id}/report`);
    expect(report.body).toMatchObject({ status: 'completed', total: people.length, counts: last.counts, etaSeconds: 0 });
    const view = await t.call(admin, 'GET', `/api/notifications/${id}`);
    expect(view.body).toMatchObject({ status: 'completed', timeZone: 'Europe/Paris', total: people.length });
    expect(view.body.sentAt).toEqual(expect.any(String));

    const firstPage = await t.call(admin, 'GET', `/api/notifications/${id}/recipients?limit=2`);
    expect(firstPage.body.value).toHaveLength(2);
    const rest = await t.call(admin, 'GET', `/api/notifications/${id}/recipients?limit=500&after=${firstPage.body.next}`);
    expect(rest.body.next).toBeNull();
    const rows = [...firstPage.body.value, ...rest.body.value];
    expect(rows.map((row) => row.userId).sort()).toEqual(people.map((p) => p.id).sort());
    expect(rows.filter((row) => row.state === 'sent').every((row) => row.activityId && row.choices === null)).toBe(true);

    const csv = await fetch(`${t.baseUrl}/api/notifications/${id}/export.csv`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^user_id,upn,display_name,state/);
    expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual(people.map((p) => p.id).sort());

    const audit = await t.call(admin, 'GET', '/api/audit');
    expect(audit.body.value).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'notification.send', target: id, actor: t.adminUpn })]));
    expect((await t.call(admin, 'POST', `/api/notifications/${id}/send`, {})).status).toBe(409);
  });

  it('when a sent card is edited, resent to failed and recalled, then each answers the view and is audited', async () => {
    const { group } = smallGroup();
    const id = await draftFor({ include: [{ kind: 'group', id: group.id }] });
    const events = readEvents(await eventsUrl(id), (seen) => seen.some((e) => e.event === 'done'));
    await t.call(admin, 'POST', `/api/notifications/${id}/send`, {});
    await events;
    const edited = await t.call(admin, 'POST', `/api/notifications/${id}/edit`, { content: { title: 'Town hall', summary: 'Moved to 11:00' } });
    expect(edited.status).toBe(200);
    expect(edited.body.content.summary).toBe('Moved to 11:00');
    const polled = await t.call(admin, 'POST', `/api/notifications/${id}/edit`, { content: { title: 'Town hall', poll: { question: 'Coming?', options: ['Yes', 'No'] } } });
    expect(polled.status).toBe(400);
    expect((await t.call(admin, 'POST', `/api/notifications/${id}/resend-failed`)).status).toBe(200);
    expect((await t.call(admin, 'POST', `/api/notifications/${id}/recall`)).status).toBe(200);
    const audit = await t.call(admin, 'GET', '/api/audit?limit=3');
    expect(audit.body.value.map((e: { action: string }) => e.action)).toEqual(['notification.recall', 'notification.resend', 'notification.edit']);
  });

  it('when a scheduled notification is cancelled, then it is cancelled, nobody got it, and the cancel is audited', async () => {
    const { group } = smallGroup();
    const id = await draftFor({ include: [{ kind: 'group', id: group.id }] });
    const scheduledAt = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await t.call(admin, 'POST', `/api/notifications/${id}/send`, { scheduledAt, timeZone: 'UTC' });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', scheduledAt });
    const cancelled = await t.call(admin, 'POST', `/api/notifications/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', total: 0 });
    const audit = await t.call(admin, 'GET', '/api/audit?limit=2');
    expect(audit.body.value.map((e: { action: string }) => e.action)).toEqual(['notification.cancel', 'notification.schedule']);
    expect((await t.call(admin, 'POST', `/api/notifications/${id}/cancel`)).status).toBe(409);
    expect((await t.call(admin, 'DELETE', `/api/notifications/${id}`)).status).toBe(204);
  });

  it('when a draft has no audience or a past time, then send answers 400 with the field', async () => {
    const id = await draftFor(undefined);
    const none = await t.call(admin, 'POST', `/api/notifications/${id}/send`, {});
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toHaveProperty('audience');
    const late = await t.call(admin, 'POST', `/api/notifications/${id}/send`, { scheduledAt: '2001-01-01T00:00:00Z' });
    expect(late.status).toBe(400);
  });

  it('when an image is uploaded, then it is served back at the answered URL, and wrong or oversized files are refused', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e5a0e50000000049454e44ae426082', 'hex');
    const upload = (body: Buffer, type: string) => fetch(`${t.baseUrl}/api/images`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': type }, body: new Uint8Array(body) });
    const answer = await upload(png, 'image/png');
    expect(answer.status).toBe(201);
    const { url } = (await answer.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${t.baseUrl}/images/[0-9a-f-]{36}$`));
    const served = await fetch(url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const draft = await t.call(admin, 'POST', '/api/notifications', { content: { title: 'With a picture', imageUrl: url } });
    expect(draft.status).toBe(201);
    expect((await upload(png, 'image/jpeg')).status).toBe(400);
    expect((await upload(Buffer.from('hello'), 'text/plain')).status).toBe(400);
    const big = await upload(Buffer.concat([png, Buffer.alloc(1024 * 1024)]), 'image/png');
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/1 MB/);
  });

  it('when the tab is asked for, then the built tab or a clear message is served, and the legal pages exist', async () => {
    const tab = await fetch(`${t.baseUrl}/tab/index.html`);
    expect([200, 503]).toContain(tab.status);
    if (tab.status === 200) {
      expect(await tab.text()).toContain('<div id="root">');
      expect(tab.headers.get('content-security-policy')).toContain('frame-ancestors');
      expect(tab.headers.get('x-frame-options')).toBeNull();
    }
    for (const page of ['/privacy.html', '/terms.html']) expect((await fetch(`${t.baseUrl}${page}`)).status).toBe(200);
  });
});
