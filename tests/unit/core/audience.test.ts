import { parseRecipientCsv } from '../../../core/audience/csv-recipients';
import { HeraldError } from '../../../core/errors/herald-error';
import { FakeDirectory, makeUser, userId } from './fakes/fake-directory';
import { draft, harness, TENANT, SERVICE_URL, type Harness } from './fakes/harness';

describe('parseRecipientCsv', () => {
  it('when a CSV mixes good and malformed rows, then good rows are kept and each bad one is reported with its row', () => {
    const text = ['UPN,Name', 'ana@contoso.test,Ana', 'not an address', '', `"${userId(5)}",Five`, 'bad@', 'ANA@contoso.test', 'bo@contoso.test;Bo'].join('\r\n');
    const parsed = parseRecipientCsv(text);
    expect(parsed.entries).toEqual(['ana@contoso.test', userId(5), 'bo@contoso.test']);
    expect(parsed.rejected).toEqual([
      { row: 3, value: 'not an address', reason: 'not a user principal name or an Entra object id' },
      { row: 6, value: 'bad@', reason: 'not a valid user principal name (expected name@domain)' },
    ]);
  });

  it('when there is no header, then the first row is a recipient', () => {
    expect(parseRecipientCsv('ana@contoso.test\nbo@contoso.test\n').entries).toHaveLength(2);
  });
});

describe('resolving an audience into recipients', () => {
  let h: Harness;
  afterEach(async () => {
    await h.store.close();
  });

  function tenant(): FakeDirectory {
    const users = Array.from({ length: 12 }, (_, index) => makeUser(index + 1));
    users[9] = makeUser(10, { userType: 'Guest' });
    users[10] = makeUser(11, { accountEnabled: false });
    const directory = new FakeDirectory(users, 5);
    directory.groups.set('g1', [1, 2, 3, 10].map(userId));
    directory.teams.set('team1', [3, 4, 5, 11].map(userId));
    return directory;
  }

  it('when sources overlap, then each person is one recipient; exclusions, guests and disabled accounts are left out', async () => {
    h = await harness({ directory: tenant() });
    await h.store.conversations.upsert({ tenantId: TENANT, userId: userId(1), conversationId: 'c1', serviceUrl: SERVICE_URL, source: 'bot', updatedAt: 0 });
    const notification = await h.engine.createNotification(
      draft({
        include: [{ kind: 'group', id: 'g1' }, { kind: 'team', id: 'team1' }, { kind: 'user', id: userId(6) }, { kind: 'csv', text: `upn\nuser7@contoso.test\nuser3@contoso.test\nnobody@contoso.test\n???` }],
        exclude: [{ kind: 'user', id: userId(2) }],
      }),
    );
    const report = await h.engine.previewAudience(notification.id);
    const rows = await h.store.recipients.page(notification.id, 0, 100);
    expect(rows.map((row) => row.userId).sort()).toEqual([1, 3, 4, 5, 6, 7].map(userId).sort());
    expect(report).toMatchObject({ recipients: 6, needInstall: 5, excluded: 1, skippedGuests: 1, skippedDisabled: 1 });
    // The spreadsheet row travels with an unresolved CSV entry: the tab says "Row 4", never "Row 0".
    expect(report.unresolved).toEqual([{ source: 'csv', value: 'nobody@contoso.test', reason: 'not found in the directory', row: 4 }]);
    expect(report.csvRejected).toEqual([{ row: 5, value: '???', reason: 'not a user principal name or an Entra object id' }]);
    expect(report.estimatedSeconds).toBe(0);
    expect((await h.store.notifications.get(notification.id))?.status).toBe('draft');
  });

  it('when guests are asked for, then they are included', async () => {
    h = await harness({ directory: tenant() });
    const notification = await h.engine.createNotification(draft({ include: [{ kind: 'everyone' }], includeGuests: true }));
    expect(await h.engine.previewAudience(notification.id)).toMatchObject({ recipients: 11, skippedGuests: 0, skippedDisabled: 1 });
  });

  it('when a group does not exist, then resolution fails with audience_invalid and the notification stays a draft', async () => {
    h = await harness({ directory: tenant() });
    const notification = await h.engine.createNotification(draft({ include: [{ kind: 'group', id: 'missing' }] }));
    await expect(h.engine.send(notification.id)).rejects.toMatchObject({ code: 'audience_invalid' });
    expect((await h.store.notifications.get(notification.id))?.status).toBe('draft');
  });

  it('when the audience spec is malformed, then creating the notification fails with validation_failed', async () => {
    h = await harness({ directory: tenant() });
    await expect(h.engine.createNotification(draft({ include: [] }))).rejects.toBeInstanceOf(HeraldError);
    await expect(h.engine.createNotification(draft({ include: [{ kind: 'planet', id: 'x' }] }))).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('when rates are configured, then the estimate is bound by the slower of installs and sends', async () => {
    h = await harness({ directory: tenant(), config: { limits: { connector: 50, installedAppsGet: 30, installedAppsPost: 2 } } });
    const notification = await h.engine.createNotification(draft());
    expect(await h.engine.previewAudience(notification.id)).toMatchObject({ recipients: 10, needInstall: 10, estimatedSeconds: 5 });
  });
});
