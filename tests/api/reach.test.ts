import { startApiHerald, readEvents, type ApiHerald } from './support/api-herald';

/** A read receipt as Teams posts it to the bot (Microsoft's documented readReceipt event), for a given chat. */
function receiptActivity(t: ApiHerald, user: { id: string; teamsUserId: string }, conversationId: string, lastReadMessageId: string, serviceUrl: string) {
  return {
    type: 'event',
    name: 'application/vnd.microsoft.readReceipt',
    id: `f:${Date.now()}${Math.random().toString(16).slice(2, 8)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: user.teamsUserId, aadObjectId: user.id },
    conversation: { conversationType: 'personal', tenantId: t.emulator.info.tenantId, id: conversationId },
    recipient: { id: `28:${t.emulator.context.state.directory.botClient.clientId}`, name: 'Herald' },
    channelData: { tenant: { id: t.emulator.info.tenantId } },
    value: { lastReadMessageId },
  };
}

describe('reach: read receipts become "seen" in the report, over HTTP against the emulator', () => {
  let t: ApiHerald;
  let admin: string;
  beforeAll(async () => {
    t = await startApiHerald();
    admin = await t.tokenFor(t.adminUpn);
  });
  afterAll(() => t.close());

  const state = () => t.emulator.context.state;
  const inspect = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${t.emulator.info.inspectUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  /** A group whose licensed, enabled members all send read receipts: the ones a card reaches. */
  const groupWithReaders = (min: number) => {
    const group = state().directory.groups.find((g) => {
      if (g.memberGroupIds.length > 0 || g.memberUserIds.length > 30) return false;
      const people = g.memberUserIds.map((id) => state().usersById.get(id)!).filter((u) => u.userType === 'Member' && u.accountEnabled && u.hasTeamsLicense);
      return people.length >= min && people.some((u) => u.readReceiptsEnabled) && people.some((u) => !u.readReceiptsEnabled);
    })!;
    const people = group.memberUserIds.map((id) => state().usersById.get(id)!).filter((u) => u.userType === 'Member' && u.accountEnabled && u.hasTeamsLicense);
    return { group, people, readers: people.filter((u) => u.readReceiptsEnabled), silent: people.filter((u) => !u.readReceiptsEnabled) };
  };
  const eventsUrl = async (id: string) => {
    const answer = await t.call(admin, 'POST', `/api/notifications/${id}/events/ticket`);
    return `${t.baseUrl}/api/notifications/${id}/events?ticket=${encodeURIComponent(answer.body.ticket as string)}`;
  };
  const sendTo = async (groupId: string, extra: Record<string, unknown> = {}) => {
    const created = await t.call(admin, 'POST', '/api/notifications', { content: { title: 'Security update', summary: 'Restart today', ...extra }, audience: { include: [{ kind: 'group', id: groupId }] } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const done = readEvents(await eventsUrl(id), (seen) => seen.some((e) => e.event === 'done'));
    expect((await t.call(admin, 'POST', `/api/notifications/${id}/send`, {})).status).toBe(200);
    await done;
    return id;
  };
  const rows = async (id: string, query = '') => (await t.call(admin, 'GET', `/api/notifications/${id}/recipients?limit=500${query}`)).body;

  it('when a person reads their chat through the inspection API, then the live report shows them seen, and the funnel, filters, timeline and export agree', async () => {
    const { group, people, readers, silent } = groupWithReaders(3);
    const id = await sendTo(group.id, { acknowledge: true });
    const before = await t.call(admin, 'GET', `/api/notifications/${id}/report`);
    expect(before.body.reach).toEqual({ delivered: people.length, seen: 0, notSeen: 0, unknown: people.length, acknowledged: 0, hiddenBelow: null });

    // The stream stays open after done for an acknowledgeable card: the receipt's report arrives as a progress event.
    const reader = readers[0]!;
    const live = readEvents(await eventsUrl(id), (seen) => seen.some((e) => e.event === 'progress' && e.data.reach?.seen === 1));
    const read = await inspect('POST', `/users/${reader.id}/read-chat`, {});
    expect(read.body).toMatchObject({ receipt: true, botStatus: 200 });
    const events = await live;
    expect(events.at(-1)!.data.reach).toMatchObject({ delivered: people.length, seen: 1, notSeen: 0, unknown: people.length - 1 });

    const page = await rows(id);
    expect(page.perPersonReach).toBe(true);
    const row = page.value.find((r: any) => r.userId === reader.id);
    expect(Date.parse(row.seenAt)).toBeGreaterThan(0);
    expect(page.value.filter((r: any) => r.seenAt !== null)).toHaveLength(1);

    // Reading a silent person's chat sends Herald nothing: they stay "not known", never "not seen".
    const quiet = await inspect('POST', `/users/${silent[0]!.id}/read-chat`, {});
    expect(quiet.body).toMatchObject({ receipt: false, reason: 'turned-off-by-user' });
    expect((await rows(id, '&reach=not-seen')).value).toEqual([]);
    expect((await rows(id, '&reach=not-acknowledged')).value).toHaveLength(people.length);

    // A second notification to the same people: the earlier reader now counts as "not seen yet" until they read again.
    const second = await sendTo(group.id);
    expect((await t.call(admin, 'GET', `/api/notifications/${second}/report`)).body.reach).toMatchObject({ seen: 0, notSeen: 1, unknown: people.length - 1 });
    expect((await rows(second, '&reach=not-seen')).value.map((r: any) => r.userId)).toEqual([reader.id]);
    await inspect('POST', `/users/${reader.id}/read-chat`, {});
    const seenAgain = async () => (await t.call(admin, 'GET', `/api/notifications/${second}/report`)).body.reach.seen;
    for (let tries = 0; tries < 50 && (await seenAgain()) !== 1; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await seenAgain()).toBe(1);
    // The first notification keeps its first seen time.
    expect((await rows(id)).value.find((r: any) => r.userId === reader.id).seenAt).toBe(row.seenAt);

    const timeline = await t.call(admin, 'GET', `/api/notifications/${id}/reach-timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body).toMatchObject({ notificationId: id, bucketSeconds: 60, hiddenBelow: null });
    expect(timeline.body.points[0]).toMatchObject({ seen: 0, acknowledged: 0 });
    expect(timeline.body.points.at(-1)).toMatchObject({ seen: 1, acknowledged: 0 });

    const csv = await fetch(`${t.baseUrl}/api/notifications/${id}/export.csv`, { headers: { authorization: `Bearer ${admin}` } });
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/,seen_at,acknowledged_at,answer$/);
    const readerLine = lines.find((line) => line.startsWith(reader.id))!.split(',');
    expect(readerLine.at(-3)).toBe(row.seenAt);
  });

  it('when the engine meets an installation made before Herald asked for read receipts, then it upgrades it with the consent set, and the person\'s reading is then seen', async () => {
    const user = state().directory.users.find((u) => u.userType === 'Member' && u.accountEnabled && u.hasTeamsLicense && u.readReceiptsEnabled && !state().findInstallation(u.id, t.emulator.info.id))!;
    // Installed long ago, silently, consenting nothing: Herald does not know the chat and Teams sends no receipts.
    const installation = state().install('user', user.id, t.emulator.info.id, { silent: true, consentedPermissions: [] })!;
    const created = await t.call(admin, 'POST', '/api/notifications', { content: { title: 'Policy update', summary: 'Please read' }, audience: { include: [{ kind: 'user', id: user.id }] } });
    const id = created.body.id as string;
    const done = readEvents(await eventsUrl(id), (seen) => seen.some((e) => e.event === 'done'));
    await t.call(admin, 'POST', `/api/notifications/${id}/send`, {});
    await done;
    expect((await rows(id)).value[0]).toMatchObject({ userId: user.id, state: 'sent' });
    expect(state().hasConsented(installation, 'ChatMessageReadReceipt.Read.Chat')).toBe(true);

    expect((await inspect('POST', `/users/${user.id}/read-chat`, {})).body).toMatchObject({ receipt: true, botStatus: 200 });
    expect(Date.parse((await rows(id)).value[0].seenAt)).toBeGreaterThan(0);
  });

  it('when a receipt is forged (not signed by the channel), then the bot answers 401 and nothing is recorded', async () => {
    const { group, readers } = groupWithReaders(3);
    const id = await sendTo(group.id);
    const reader = readers[1] ?? readers[0]!;
    const chat = state().findInstallation(reader.id, t.emulator.info.id)!;
    const last = String(Number.MAX_SAFE_INTEGER);
    const body = JSON.stringify(receiptActivity(t, reader, chat.conversationId, last, t.emulator.info.botServiceUrl));
    const { token } = (await inspect('GET', '/channel-token')).body as { token: string };
    const [head, payload] = token.split('.');
    const forged = `${head}.${payload}.${Buffer.from('not the channel signature').toString('base64url')}`;
    for (const authorization of [undefined, `Bearer ${forged}`]) {
      const answer = await fetch(`${t.herald.web!.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });
      expect(answer.status).toBe(401);
    }
    expect((await rows(id)).value.every((r: any) => r.seenAt === null)).toBe(true);

    // The same receipt, signed by the channel, is taken; sent again (and late), it changes nothing.
    for (let i = 0; i < 2; i++) {
      const answer = await fetch(`${t.herald.web!.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      expect(answer.status).toBe(200);
    }
    const seen = (await rows(id)).value.filter((r: any) => r.seenAt !== null);
    expect(seen.map((r: any) => r.userId)).toEqual([reader.id]);
  });

  it('when a receipt comes for a chat Herald does not know, or from a group chat, then nothing changes', async () => {
    const { group, readers } = groupWithReaders(3);
    const id = await sendTo(group.id);
    const reader = readers[0]!;
    const { token } = (await inspect('GET', '/channel-token')).body as { token: string };
    const post = (activity: unknown) => fetch(`${t.herald.web!.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(activity) });
    // Someone Herald never reached: no chat of theirs is on record.
    const stranger = { id: '00000000-0000-4000-8000-0000000000ff', teamsUserId: '29:stranger' };
    const unknown = receiptActivity(t, stranger, 'a:1not-a-chat-herald-knows', String(Number.MAX_SAFE_INTEGER), t.emulator.info.botServiceUrl);
    expect((await post(unknown)).status).toBe(200);
    const chat = state().findInstallation(reader.id, t.emulator.info.id)!;
    const group1 = receiptActivity(t, reader, chat.conversationId, String(Number.MAX_SAFE_INTEGER), t.emulator.info.botServiceUrl);
    group1.conversation.conversationType = 'groupChat';
    expect((await post(group1)).status).toBe(200);
    expect((await rows(id)).value.every((r: any) => r.seenAt === null)).toBe(true);
  });
});

describe('reach in aggregate only (HERALD_REACH_AGGREGATE_ONLY=true)', () => {
  let t: ApiHerald;
  beforeAll(async () => {
    t = await startApiHerald({ env: { HERALD_REACH_AGGREGATE_ONLY: 'true' } });
  });
  afterAll(() => t.close());

  it('when a sender reads their report, then per-person reach is hidden and small counts say "fewer than 5"; an admin sees it, and the audit log records that', async () => {
    const admin = await t.tokenFor(t.adminUpn);
    const state = t.emulator.context.state;
    const senderUser = state.directory.users.find((u) => u.userType === 'Member' && u.accountEnabled && u.userPrincipalName !== t.adminUpn)!;
    expect((await t.call(admin, 'PUT', `/api/senders/${senderUser.id}`, { role: 'sender', allowedAudienceKinds: ['group', 'user'] })).status).toBe(200);
    const sender = await t.tokenFor(senderUser.userPrincipalName);
    const group = state.directory.groups.find((g) => g.memberGroupIds.length === 0 && g.memberUserIds.length >= 3 && g.memberUserIds.length <= 20)!;
    const created = await t.call(sender, 'POST', '/api/notifications', { content: { title: 'Quarterly numbers', summary: 'Read before Friday', acknowledge: true }, audience: { include: [{ kind: 'group', id: group.id }] } });
    const id = created.body.id as string;
    const ticket = await t.call(sender, 'POST', `/api/notifications/${id}/events/ticket`);
    const done = readEvents(`${t.baseUrl}/api/notifications/${id}/events?ticket=${encodeURIComponent(ticket.body.ticket)}`, (seen) => seen.some((e) => e.event === 'done'));
    await t.call(sender, 'POST', `/api/notifications/${id}/send`, {});
    await done;

    const report = await t.call(sender, 'GET', `/api/notifications/${id}/report`);
    expect(report.body.reach).toMatchObject({ seen: null, acknowledged: null, hiddenBelow: 5 });
    const page = await t.call(sender, 'GET', `/api/notifications/${id}/recipients`);
    expect(page.body.perPersonReach).toBe(false);
    expect(page.body.value.every((r: any) => r.seenAt === null && r.acknowledgedAt === null && r.choices === null)).toBe(true);
    const filtered = await t.call(sender, 'GET', `/api/notifications/${id}/recipients?reach=not-seen`);
    expect(filtered.status).toBe(403);
    expect(filtered.body.error.message).toMatch(/aggregate only/);
    const csv = await (await fetch(`${t.baseUrl}/api/notifications/${id}/export.csv`, { headers: { authorization: `Bearer ${sender}` } })).text();
    expect(csv.split('\r\n')[0]).not.toMatch(/seen_at/);
    const timeline = await t.call(sender, 'GET', `/api/notifications/${id}/reach-timeline`);
    expect(timeline.body.points.every((p: any) => p.seen === null && p.acknowledged === null)).toBe(true);

    const adminPage = await t.call(admin, 'GET', `/api/notifications/${id}/recipients`);
    expect(adminPage.body.perPersonReach).toBe(true);
    const adminCsv = await (await fetch(`${t.baseUrl}/api/notifications/${id}/export.csv`, { headers: { authorization: `Bearer ${admin}` } })).text();
    expect(adminCsv.split('\r\n')[0]).toMatch(/seen_at,acknowledged_at,answer$/);
    const audit = await t.call(admin, 'GET', '/api/audit');
    const reads = audit.body.value.filter((entry: any) => entry.action === 'reach.read-per-person' && entry.target === id);
    expect(reads.map((entry: any) => entry.details.view).sort()).toEqual(['export', 'recipients']);
    expect(reads.every((entry: any) => entry.actor === t.adminUpn)).toBe(true);
  });
});
