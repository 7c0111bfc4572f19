import { reachableMembers } from '../support/deliveries';
import { startApiHerald, type ApiHerald } from './support/api-herald';

describe('the admin API: senders, audit and drafts', () => {
  let t: ApiHerald;
  let admin: string;
  beforeAll(async () => {
    t = await startApiHerald();
    admin = await t.tokenFor(t.adminUpn);
  });
  afterAll(() => t.close());

  const content = { title: 'Lunch is on us', summary: 'Friday at **noon**', buttons: [{ title: 'Menu', url: 'https://contoso.example/menu' }] };
  const group = () => t.emulator.context.state.directory.groups.find((g) => g.displayName === 'All staff')!;

  it('when an admin grants a role, then the person becomes a sender with those kinds and the change is audited', async () => {
    const person = reachableMembers(t.emulator)[7]!;
    const granted = await t.call(admin, 'PUT', `/api/senders/${person.id}`, { role: 'sender', allowedAudienceKinds: ['group', 'user'] });
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({ userId: person.id, upn: person.userPrincipalName, displayName: person.displayName, role: 'sender', allowedAudienceKinds: ['group', 'user'] });
    const me = await t.call(await t.tokenFor(person.userPrincipalName), 'GET', '/api/me');
    expect(me.body).toMatchObject({ roles: ['sender'], allowedAudienceKinds: ['group', 'user'] });
    const listed = await t.call(admin, 'GET', '/api/senders');
    expect(listed.body.value.map((s: { upn: string }) => s.upn)).toEqual(expect.arrayContaining([t.adminUpn, person.userPrincipalName]));
    const audit = await t.call(admin, 'GET', '/api/audit');
    expect(audit.body.value[0]).toMatchObject({
      actor: t.adminUpn,
      action: 'role.change',
      target: person.userPrincipalName,
      details: { before: { role: 'none' }, after: { role: 'sender', allowedAudienceKinds: ['group', 'user'] } },
    });
    expect(Date.parse(audit.body.value[0].at)).not.toBeNaN();
  });

  it('when the only admin would lose the role, then 409 and nothing changes', async () => {
    const me = await t.call(admin, 'GET', '/api/me');
    const answer = await t.call(admin, 'PUT', `/api/senders/${me.body.user.id}`, { role: 'sender', allowedAudienceKinds: ['group'] });
    expect(answer.status).toBe(409);
    expect((await t.call(admin, 'GET', '/api/me')).body.roles).toContain('admin');
  });

  it('when a sender limited to groups asks for everyone, then preview and send are refused with 403 naming the kind', async () => {
    const person = reachableMembers(t.emulator)[8]!;
    await t.call(admin, 'PUT', `/api/senders/${person.userPrincipalName}`, { role: 'sender', allowedAudienceKinds: ['group'] });
    const sender = await t.tokenFor(person.userPrincipalName);
    const preview = await t.call(sender, 'POST', '/api/audience/preview', { include: [{ kind: 'everyone' }] });
    expect(preview.status).toBe(403);
    expect(preview.body.error.message).toMatch(/does not allow sending to everyone/);
    const draft = await t.call(sender, 'POST', '/api/notifications', { content, audience: { include: [{ kind: 'everyone' }] } });
    expect(draft.status).toBe(201);
    const send = await t.call(sender, 'POST', `/api/notifications/${draft.body.id}/send`, {});
    expect(send.status).toBe(403);
    expect((await t.call(sender, 'GET', `/api/notifications/${draft.body.id}`)).body.status).toBe('draft');
    const allowed = await t.call(sender, 'POST', '/api/audience/preview', { include: [{ kind: 'group', id: group().id, label: 'All staff' }] });
    expect(allowed.status).toBe(200);
    expect(allowed.body.recipients).toBeGreaterThan(0);
  });

  it('when bodies are malformed, then 400 lists each field by its dotted path', async () => {
    const bad = await t.call(admin, 'POST', '/api/notifications', { content: { title: '', buttons: [{ title: 'Open', url: 'http://contoso.example' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.fields).toMatchObject({ 'content.title': 'a title is required', 'content.buttons.0.url': 'must start with https://' });
    const audience = await t.call(admin, 'POST', '/api/audience/preview', { include: [{ kind: 'planet', id: 'x' }] });
    expect(audience.status).toBe(400);
    expect(Object.keys(audience.body.error.fields)).toEqual(['include.0.kind']);
    const notJson = await fetch(`${t.baseUrl}/api/notifications`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: '{"content":' });
    expect(notJson.status).toBe(400);
    const role = await t.call(admin, 'PUT', `/api/senders/${t.adminUpn}`, { role: 'owner', allowedAudienceKinds: ['galaxy'] });
    expect(role.status).toBe(400);
    expect(Object.keys(role.body.error.fields).sort()).toEqual(['allowedAudienceKinds.0', 'role']);
  });

  it('when a draft is created, changed, duplicated and deleted, then each answer shows it and the delete is audited', async () => {
    const created = await t.call(admin, 'POST', '/api/notifications', { content });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Lunch is on us', status: 'draft', createdBy: t.adminUpn, total: 0, audience: null, content: { ...content, acknowledge: false, importance: 'normal' } });
    const id = created.body.id as string;
    const audience = { include: [{ kind: 'group', id: group().id, label: 'All staff' }], exclude: [], includeGuests: false };
    const updated = await t.call(admin, 'PUT', `/api/notifications/${id}`, { content: { ...content, title: 'Lunch, Friday' }, audience });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, title: 'Lunch, Friday', audience });
    const copy = await t.call(admin, 'POST', `/api/notifications/${id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(id);
    expect(copy.body).toMatchObject({ title: 'Lunch, Friday', status: 'draft', audience });
    const drafts = await t.call(admin, 'GET', '/api/notifications?status=draft');
    expect(drafts.body.value.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([id, copy.body.id]));
    expect((await t.call(admin, 'DELETE', `/api/notifications/${id}`)).status).toBe(204);
    expect((await t.call(admin, 'GET', `/api/notifications/${id}`)).status).toBe(404);
    const audit = await t.call(admin, 'GET', '/api/audit?limit=1');
    expect(audit.body.value[0]).toMatchObject({ action: 'notification.delete', target: id, actor: t.adminUpn });
    expect(audit.body.next).toEqual(expect.any(String));
  });

  it('when search is asked, then people, groups and teams come back in the contract shape', async () => {
    const answer = await t.call(admin, 'GET', `/api/search?q=${encodeURIComponent('All')}&kinds=group,team`);
    expect(answer.status).toBe(200);
    expect(answer.body.value).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'group', id: group().id, displayName: 'All staff' })]));
    const person = reachableMembers(t.emulator)[3]!;
    const people = await t.call(admin, 'GET', `/api/search?q=${encodeURIComponent(person.displayName.split(' ')[0]!)}&kinds=user`);
    expect(people.body.value).toEqual(expect.arrayContaining([{ kind: 'user', id: person.id, displayName: person.displayName, secondary: person.userPrincipalName }]));
  });
});
