import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runHerald } from './support/run-herald';
import { deliveriesByUser, reachableMembers } from '../../support/deliveries';
import { startApiHerald, type ApiHerald } from '../../api/support/api-herald';

/**
 * The README's flow: `npm start` serving the tab, and `npm run herald -- send` in another terminal on the same
 * database and emulator. What the command line sends is in the tab's list, its report and the audit log, under
 * the operator's name and with its origin; and the operator has exactly their Herald role's authority.
 */
// Each step starts a Node process that compiles Herald's TypeScript: on a loaded machine that alone takes seconds.
jest.setTimeout(120_000);

describe('the command line beside a running server', () => {
  let t: ApiHerald;
  const work = mkdtempSync(path.join(tmpdir(), 'herald-beside-'));
  const databaseUrl = `sqlite:${path.join(work, 'herald.db')}`;
  beforeAll(async () => {
    t = await startApiHerald({ emulator: { users: 60 }, env: { HERALD_DATABASE_URL: databaseUrl } });
  });
  afterAll(() => t.close());

  const herald = (...args: string[]) => runHerald({ HERALD_EMULATOR: 'attach', HERALD_EMULATOR_PORT: new URL(t.emulator.info.origin).port, HERALD_DATABASE_URL: databaseUrl }, args);

  it('when an administrator sends from the command line, then the tab lists it with its owner and origin, its report answers, and the audit log names them', async () => {
    const people = reachableMembers(t.emulator).slice(20, 23);
    const card = path.join(ROOT, 'examples', 'cards', 'all-hands.json');
    const sent = await herald('send', '--as', t.adminUpn, '--card', card, ...people.flatMap((person) => ['--to', `user:${person.userPrincipalName}`]));
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const id = /^Notification (\S+)$/m.exec(sent.stdout)![1]!;

    const admin = await t.tokenFor(t.adminUpn);
    const list = await t.call(admin, 'GET', '/api/notifications');
    expect(list.body.value.find((n: { id: string }) => n.id === id)).toMatchObject({ origin: 'cli', owner: { upn: t.adminUpn }, createdBy: t.adminUpn, status: 'completed', total: 3 });
    const report = await t.call(admin, 'GET', `/api/notifications/${id}/report`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ status: 'completed', counts: { sent: 3 } });
    const view = await t.call(admin, 'GET', `/api/notifications/${id}`);
    expect(view.body.content).toMatchObject({ title: 'Quarterly all-hands: Thursday 10:00' });
    expect(view.body.actions).toEqual(expect.arrayContaining(['edit', 'recall', 'duplicate']));
    const audit = await t.call(admin, 'GET', '/api/audit?limit=20');
    expect(audit.body.value.find((entry: { action: string; target: string }) => entry.action === 'notification.send' && entry.target === id)).toMatchObject({ actor: t.adminUpn, details: { via: 'cli', origin: 'cli' } });
  });

  it('when the operator has no role, or acts on someone else\'s notification, then it exits 1 with a sentence and nothing is sent or changed', async () => {
    const [stranger, sender, target] = reachableMembers(t.emulator).slice(30, 33);
    const admin = await t.tokenFor(t.adminUpn);
    expect((await t.call(admin, 'PUT', `/api/senders/${sender!.id}`, { role: 'sender', allowedAudienceKinds: ['user'] })).status).toBe(200);
    const draft = await t.call(admin, 'POST', '/api/notifications', { content: { title: 'Admin only' }, audience: { include: [{ kind: 'user', id: target!.id }] } });
    const before = deliveriesByUser(t.emulator);
    const card = path.join(ROOT, 'examples', 'cards', 'all-hands.json');

    const refused = await herald('send', '--as', stranger!.userPrincipalName, '--card', card, '--to', `user:${target!.id}`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('herald: You are not an authorised sender. Ask a Herald administrator for access.\n');
    const notYours = await herald('cancel', draft.body.id, '--as', sender!.userPrincipalName);
    expect(notYours.code).toBe(1);
    expect(notYours.stderr).toContain(`This notification belongs to ${t.adminUpn}; only they or a Herald administrator can change it.`);
    const nobody = await herald('status', draft.body.id, '--as', 'nobody@nowhere.test');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("Nobody called nobody@nowhere.test is in your organisation's directory");

    expect(deliveriesByUser(t.emulator)).toEqual(before);
    expect((await t.call(admin, 'GET', `/api/notifications/${draft.body.id}`)).body.status).toBe('draft');
  });
});
