import { startTestHerald, type TestHerald } from '../../support/herald';
import { simpleCard } from '../../support/deliveries';

describe('channel posts against the emulator', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startTestHerald();
  });
  afterAll(() => t.close());

  it('when Herald is not in the team, then it installs itself there and posts to the General channel', async () => {
    const team = t.emulator.context.state.directory.teams[0]!;
    expect(t.emulator.context.state.findInstallation(team.id, t.emulator.info.id)).toBeUndefined();
    const result = await t.herald.engine.postToChannel({ tenantId: t.herald.settings.tenantId, teamId: team.id, card: simpleCard('to the team'), title: 'Team news' });
    expect(result).toMatchObject({ installed: true, conversationId: team.internalId });
    expect(t.emulator.context.state.findInstallation(team.id, t.emulator.info.id)).toBeDefined();
    const channel = t.emulator.context.state.conversations.get(team.internalId)!;
    expect(channel.activities.filter((a) => a.from === 'bot').map((a) => a.id)).toContain(result.activityId);
  });

  it('when Herald is already in the team, then it posts to the named channel without installing again', async () => {
    const team = t.emulator.context.state.directory.teams[0]!;
    const announcements = team.channels.find((c) => c.displayName === 'Announcements')!;
    const result = await t.herald.engine.postToChannel({ tenantId: t.herald.settings.tenantId, teamId: team.id, channelId: announcements.id, card: simpleCard('again'), title: 'Again' });
    expect(result).toMatchObject({ installed: false, conversationId: announcements.id });
    expect(t.emulator.context.state.conversations.get(announcements.id)?.activities).toHaveLength(1);
  });

  it('when the team does not exist, then the post fails with a reason and nothing is sent', async () => {
    const before = t.emulator.context.counters.snapshot()['connector.send'] ?? 0;
    await expect(
      t.herald.engine.postToChannel({ tenantId: t.herald.settings.tenantId, teamId: '00000000-0000-4000-8000-000000000009', card: simpleCard('x'), title: 'x' }),
    ).rejects.toThrow(/channel post failed|no channel/i);
    expect(t.emulator.context.counters.snapshot()['connector.send'] ?? 0).toBe(before);
  });
});
