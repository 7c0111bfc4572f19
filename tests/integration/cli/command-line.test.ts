import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runHerald } from './support/run-herald';
import type { RunningEmulator } from '../../../emulator/server';
import { deliveriesByUser } from '../../support/deliveries';
import { startTestEmulator } from '../../support/emulator';

/**
 * `npm run herald -- …` as the README shows it: the command line in its own process (as package.json starts it),
 * attached to a running emulator, on its own SQLite file.
 */
// Each step starts a Node process that compiles Herald's TypeScript: on a loaded machine that alone takes seconds.
jest.setTimeout(120_000);

describe('the command line against the emulator', () => {
  let emulator: RunningEmulator;
  const work = mkdtempSync(path.join(tmpdir(), 'herald-cli-'));
  beforeAll(async () => {
    emulator = await startTestEmulator({ users: 60 });
  });
  afterAll(() => emulator.close());

  const herald = (...args: string[]) => runHerald({ HERALD_EMULATOR: 'attach', HERALD_EMULATOR_PORT: new URL(emulator.info.origin).port, HERALD_DATABASE_URL: `sqlite:${path.join(work, 'herald.db')}` }, args);

  it('when a broadcast is sent to a team and a CSV with a bad row, minus one person, then each gets one card and status and export report it', async () => {
    const state = emulator.context.state;
    const team = state.directory.teams.find((candidate) => candidate.displayName === 'Leadership')!;
    const inTeam = new Set(team.members.map((member) => member.userId));
    const reachable = state.directory.users.filter((user) => user.userType === 'Member' && user.accountEnabled && user.hasTeamsLicense);
    const [fromCsv, alsoFromCsv] = reachable.filter((user) => !inTeam.has(user.id));
    const excluded = reachable.find((user) => inTeam.has(user.id))!;
    const csv = path.join(work, 'people.csv');
    writeFileSync(csv, `upn\n${fromCsv!.userPrincipalName}\nnot an address\n${alsoFromCsv!.id}\n`);
    const card = path.join(ROOT, 'examples', 'cards', 'all-hands.json');
    const before = deliveriesByUser(emulator);

    const sent = await herald('send', '--card', card, '--to', `team:${team.id}`, '--to', `csv:${csv}`, '--exclude', `user:${excluded.id}`);

    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const id = /^Notification (\S+)$/m.exec(sent.stdout)?.[1];
    expect(id).toBeDefined();
    expect(sent.stdout).toMatch(/\d+ recipients · \d+ need Herald installed · estimated /);
    expect(sent.stdout).toContain('CSV row 3: not a user principal name or an Entra object id (not an address)');
    expect(sent.stdout).toMatch(/\[#{30}\] 100% /);
    expect(sent.stdout).toContain('Quarterly all-hands: Thursday 10:00 — completed');
    const expected = reachable.filter((user) => (inTeam.has(user.id) || user === fromCsv || user === alsoFromCsv) && user !== excluded);
    const after = deliveriesByUser(emulator);
    for (const user of expected) expect({ user: user.userPrincipalName, cards: (after.get(user.id) ?? 0) - (before.get(user.id) ?? 0) }).toEqual({ user: user.userPrincipalName, cards: 1 });
    expect((after.get(excluded.id) ?? 0) - (before.get(excluded.id) ?? 0)).toBe(0);

    const status = await herald('status', id!);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^  \\d+ recipients: ${expected.length} sent`, 'm'));

    const report = path.join(work, 'report.csv');
    const exported = await herald('export', id!, '--out', report);
    expect(exported.stdout).toBe(`Wrote ${report}\n`);
    const [header, ...rows] = readFileSync(report, 'utf8').trim().split('\r\n');
    expect(header).toBe('user_id,upn,display_name,state,reason,reason_text,activity_id,created_at,updated_at,sent_at,card_change,card_change_reason');
    const sentRows = rows.filter((row) => row.split(',')[3] === 'sent');
    expect(sentRows.map((row) => row.split(',')[0]).sort()).toEqual(expected.map((user) => user.id).sort());
    for (const row of sentRows) expect(row.split(',')[6]).not.toBe('');

    const recalled = await herald('recall', id!);
    expect(recalled.stdout).toBe(`Recalled ${expected.length} cards; 0 could not be deleted.\n`);
    const activityIds = new Set(sentRows.map((row) => row.split(',')[6]));
    const cards = [...emulator.context.state.allConversations()].flatMap((conversation) => conversation.activities.filter((activity) => activityIds.has(activity.id)));
    expect(cards.map((card) => card.deleted)).toEqual(expected.map(() => true));
  });

  it('when the card or a target is wrong, then it exits 1 with a sentence saying what to fix and sends nothing', async () => {
    const before = deliveriesByUser(emulator);
    const broken = path.join(work, 'broken.json');
    writeFileSync(broken, '{"title": "Unfinished"');
    const cases: Array<[string[], RegExp]> = [
      [['send', '--card', broken, '--to', 'everyone'], /^herald: The card file .*broken\.json is not valid JSON: /],
      [['send', '--card', path.join(work, 'absent.json'), '--to', 'everyone'], /^herald: The card file .*absent\.json cannot be read: there is no such file\.$/m],
      [['send', '--card', path.join(ROOT, 'examples', 'cards', 'all-hands.json'), '--to', 'grp:abc'], /^herald: "grp:abc" is not an audience: use user:<id or UPN>/],
      [['send', '--to', 'everyone'], /^herald: send needs --card and at least one --to\./],
      [['status', 'no-such-id'], /^herald: There is no such notification: it may have been deleted\.$/m],
    ];
    for (const [args, message] of cases) {
      const run = await herald(...args);
      expect({ args, code: run.code }).toEqual({ args, code: 1 });
      expect(run.stderr).toMatch(message);
    }
    expect(deliveriesByUser(emulator)).toEqual(before);
  });
});
