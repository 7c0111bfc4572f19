import { finished, startTestHerald, type TestHerald } from '../../support/herald';
import { deliveriesByUser, reachableMembers, simpleCard } from '../../support/deliveries';

describe('broadcast audiences against the emulator', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startTestHerald({ emulator: { users: 160 } });
  });
  afterAll(() => t.close());

  const broadcast = async (audience: unknown) => {
    const notification = await t.herald.engine.createNotification({
      tenantId: t.herald.settings.tenantId,
      title: 'Test',
      card: simpleCard('hello'),
      audience: audience as never,
      createdBy: 'test',
    });
    const report = await t.herald.engine.send(notification.id);
    await finished(t.herald, notification.id);
    return { id: notification.id, report, counts: await t.herald.engine.counts(notification.id) };
  };

  it('when sent to a nested group, then every member of every nested group gets exactly one card', async () => {
    const allStaff = t.emulator.context.state.directory.groups.find((g) => g.displayName === 'All staff')!;
    const before = deliveriesByUser(t.emulator);
    const { report, counts } = await broadcast({ include: [{ kind: 'group', id: allStaff.id }] });
    const members = t.emulator.context.state.directory.users.filter((u) => u.userType === 'Member' && u.accountEnabled);
    expect(report.recipients).toBe(members.length);
    expect(counts.sent + counts.failed).toBe(members.length);
    const after = deliveriesByUser(t.emulator);
    for (const user of reachableMembers(t.emulator)) expect((after.get(user.id) ?? 0) - (before.get(user.id) ?? 0)).toBe(1);
    // Unlicensed members cannot have Herald installed: failed with a reason a person understands.
    const unlicensed = members.filter((u) => !u.hasTeamsLicense).length;
    expect(counts.failed).toBe(unlicensed);
  });

  it('when sources overlap and some are excluded, then each person is counted once and the excluded get nothing', async () => {
    const state = t.emulator.context.state;
    const team = state.directory.teams.find((x) => x.displayName === 'Leadership')!;
    const [first, second, third] = reachableMembers(t.emulator);
    const before = deliveriesByUser(t.emulator);
    const { report } = await broadcast({
      include: [{ kind: 'team', id: team.id }, { kind: 'user', id: first!.userPrincipalName }, { kind: 'user', id: second!.id }],
      exclude: [{ kind: 'user', id: third!.id }],
    });
    const expected = new Set([...team.members.map((m) => m.userId), first!.id, second!.id]);
    expected.delete(third!.id);
    const guests = [...expected].filter((id) => state.usersById.get(id)?.userType === 'Guest');
    const disabled = [...expected].filter((id) => state.usersById.get(id)?.accountEnabled === false);
    expect(report.recipients).toBe(expected.size - guests.length - disabled.length);
    const after = deliveriesByUser(t.emulator);
    expect((after.get(third!.id) ?? 0) - (before.get(third!.id) ?? 0)).toBe(0);
    expect((after.get(first!.id) ?? 0) - (before.get(first!.id) ?? 0)).toBe(1);
  });

  it('when a CSV has malformed rows, then the valid rows are sent and each bad row is reported', async () => {
    const [a, b] = reachableMembers(t.emulator).slice(10, 12);
    const text = ['upn', a!.userPrincipalName, 'not an address', b!.id, 'ghost@nowhere.example', ''].join('\n');
    const { report, counts } = await broadcast({ include: [{ kind: 'csv', text }] });
    expect(report.recipients).toBe(2);
    expect(counts.sent).toBe(2);
    expect(report.csvRejected.map((row) => row.value)).toContain('not an address');
    expect(report.unresolved.map((entry) => entry.value)).toContain('ghost@nowhere.example');
  });

  it('when everyone is chosen, then guests are skipped unless asked for', async () => {
    const state = t.emulator.context.state;
    const guests = state.directory.users.filter((u) => u.userType === 'Guest' && u.accountEnabled).length;
    const enabled = state.directory.users.filter((u) => u.accountEnabled).length;
    const notification = await t.herald.engine.createNotification({ tenantId: t.herald.settings.tenantId, title: 'x', card: simpleCard('x'), audience: { include: [{ kind: 'everyone' }] }, createdBy: 'test' });
    expect((await t.herald.engine.previewAudience(notification.id)).recipients).toBe(enabled - guests);
    const withGuests = await t.herald.engine.createNotification({ tenantId: t.herald.settings.tenantId, title: 'x', card: simpleCard('x'), audience: { include: [{ kind: 'everyone' }], includeGuests: true }, createdBy: 'test' });
    expect((await t.herald.engine.previewAudience(withGuests.id)).recipients).toBe(enabled);
  });

  it('when a group does not exist, then the preview says so instead of sending to nobody silently', async () => {
    const notification = await t.herald.engine.createNotification({
      tenantId: t.herald.settings.tenantId,
      title: 'x',
      card: simpleCard('x'),
      audience: { include: [{ kind: 'group', id: '00000000-0000-4000-8000-000000000001' }] },
      createdBy: 'test',
    });
    const outcome = await t.herald.engine.previewAudience(notification.id).then((report) => report.unresolved, (error: Error) => error.message);
    expect(JSON.stringify(outcome)).toMatch(/00000000-0000-4000-8000-000000000001/);
  });
});
