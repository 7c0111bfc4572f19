import type { RoleRecord, RoleStore } from '../../../core/admin/admin-store';
import type { Actor } from '../../../core/authority/actor';
import { Authority } from '../../../core/authority/authority';
import type { Notification } from '../../../core/notifications/notification';

const roles = (records: RoleRecord[]): RoleStore => ({
  get: async (_tenantId, userId) => records.find((record) => record.userId === userId),
  list: async () => records,
  put: async () => undefined,
  remove: async () => undefined,
});
const role = (userId: string, kind: RoleRecord['role'], audienceKinds: RoleRecord['audienceKinds']): RoleRecord => ({
  tenantId: 't', userId, upn: `${userId}@x.test`, displayName: userId, role: kind, audienceKinds, updatedBy: 'test', updatedAt: 0,
});
const actor = (userId: string, upn = `${userId}@x.test`): Actor => ({ tenantId: 't', userId, upn, displayName: userId, origin: 'tab' });
const owned = (owner: { id: string; upn: string }) => ({ owner }) as Notification;

describe('the Authority', () => {
  const store = roles([role('admin', 'admin', ['user']), role('ann', 'sender', ['group', 'team']), role('bob', 'sender', ['user'])]);

  it('when an administrator acts, then every notification is theirs to act on; a sender only their own', async () => {
    const authority = new Authority(store);
    const annsOwn = owned({ id: 'ann', upn: 'ann@x.test' });
    expect(authority.isOwnerOrAdmin((await authority.roleOf(actor('admin')))!, actor('admin'), annsOwn)).toBe(true);
    expect(authority.isOwnerOrAdmin((await authority.roleOf(actor('ann')))!, actor('ann'), annsOwn)).toBe(true);
    expect(() => authority.assertMayActOn(role('bob', 'sender', ['user']), actor('bob'), annsOwn)).toThrow('This notification belongs to ann@x.test; only they or a Herald administrator can change it.');
  });

  it('when a notification written before owners had ids names its author by UPN, then it matches that UPN, in any case, and no other', async () => {
    const authority = new Authority(store);
    const old = owned({ id: 'Ann@X.test', upn: 'Ann@X.test' });
    expect(authority.isOwnerOrAdmin(role('ann', 'sender', []), actor('ann', 'ann@x.test'), old)).toBe(true);
    expect(authority.isOwnerOrAdmin(role('bob', 'sender', []), actor('bob', 'bob@x.test'), old)).toBe(false);
    // A recorded object id never falls back to the UPN.
    expect(authority.isOwnerOrAdmin(role('bob', 'sender', []), actor('bob', 'ann@x.test'), owned({ id: 'ann', upn: 'ann@x.test' }))).toBe(false);
  });

  it('when someone has no role, then they are refused as a sender and as an administrator, with whom to ask', async () => {
    const authority = new Authority(store);
    await expect(authority.requireSender(actor('nobody'))).rejects.toMatchObject({ code: 'forbidden', message: 'You are not an authorised sender. Ask a Herald administrator for access.' });
    await expect(authority.requireAdmin(actor('ann'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it.each([
    ['a sender who may send to teams', 'ann', false, false, true],
    ['a sender who may not', 'bob', false, false, false],
    ['an owner without a role, policy off', 'carol', true, false, false],
    ['an owner without a role, policy on', 'carol', true, true, true],
    ['a non-owner without a role, policy on', 'carol', false, true, false],
    ["an administrator kept from teams, who owns the team, policy off", 'admin', true, false, false],
  ])('when %s delivers a compose-box announcement to every member, then it is allowed: %s', async (_case, userId, isOwner, policy, allowed) => {
    const authority = new Authority(store, { ownersMayMessageMembers: policy });
    const attempt = authority.assertMayMessageTeamMembers(actor(userId), isOwner);
    if (allowed) await expect(attempt).resolves.toBeUndefined();
    else await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
  });
});
