import { AUDIENCE_KINDS, type RoleRecord } from '../../core/admin/admin-store';
import { HeraldError } from '../../core/errors/herald-error';
import type { Me, Sender, SenderUpdate } from '../contract/admin';
import type { SignedInUser } from '../auth/sso-verifier';
import type { AdminDeps } from './admin-deps';

/** Who may send and manage: roles stored by Herald, changed by admins, every change audited. */
export class Senders {
  constructor(private readonly deps: AdminDeps) {}

  async me(user: SignedInUser): Promise<Me> {
    const [role, all] = await Promise.all([this.deps.admin.roles.get(user.tenantId, user.id), this.deps.admin.roles.list(user.tenantId)]);
    return {
      user: { id: user.id, displayName: user.displayName, upn: user.upn },
      roles: role ? (role.role === 'admin' ? ['admin', 'sender'] : ['sender']) : [],
      allowedAudienceKinds: role?.audienceKinds ?? [],
      admins: all.filter((item) => item.role === 'admin').map((item) => `${item.displayName} (${item.upn})`),
    };
  }

  async list(tenantId: string): Promise<Sender[]> {
    return (await this.deps.admin.roles.list(tenantId)).map(senderOf);
  }

  /** Grants, changes or (role `none`) removes a role. Refuses to remove the last administrator. */
  async update(actor: SignedInUser, userIdOrUpn: string, update: SenderUpdate): Promise<Sender> {
    const person = await this.deps.directory.findUser(userIdOrUpn);
    if (!person) throw new HeraldError('not_found', `There is nobody ${userIdOrUpn} in the directory.`);
    const tenantId = actor.tenantId;
    const before = await this.deps.admin.roles.get(tenantId, person.id);
    if (before?.role === 'admin' && update.role !== 'admin') {
      const admins = (await this.deps.admin.roles.list(tenantId)).filter((item) => item.role === 'admin');
      if (admins.length <= 1) throw new HeraldError('conflict', 'This is the last Herald administrator; make someone else an administrator first.');
    }
    const kinds = [...new Set(update.allowedAudienceKinds)];
    let after: RoleRecord | undefined;
    if (update.role === 'none') {
      await this.deps.admin.roles.remove(tenantId, person.id);
    } else {
      after = { tenantId, userId: person.id, upn: person.userPrincipalName, displayName: person.displayName, role: update.role, audienceKinds: kinds, updatedBy: actor.upn || actor.id, updatedAt: this.deps.now() };
      await this.deps.admin.roles.put(after);
    }
    await this.deps.admin.audit.record({
      tenantId,
      actor: actor.upn || actor.id,
      action: 'role.change',
      target: person.userPrincipalName,
      details: { before: before ? { role: before.role, allowedAudienceKinds: before.audienceKinds } : { role: 'none' }, after: { role: update.role, allowedAudienceKinds: kinds } },
    });
    return after ? senderOf(after) : { userId: person.id, upn: person.userPrincipalName, displayName: person.displayName, role: 'none', allowedAudienceKinds: [] };
  }

  /**
   * Makes the configured people administrators (every audience kind) when the tenant has none: on first start,
   * and again should every administrator have been removed by hand, so nobody is ever locked out for good.
   */
  async seedAdmins(tenantId: string, entries: string[]): Promise<RoleRecord[]> {
    const existing = await this.deps.admin.roles.list(tenantId);
    if (entries.length === 0 || existing.some((item) => item.role === 'admin')) return [];
    const people = await this.deps.directory.findUsers(entries);
    const missing = entries.filter((entry) => !people.some((person) => [person.id, person.userPrincipalName].some((key) => key.toLowerCase() === entry.toLowerCase())));
    if (missing.length > 0) this.deps.log.warn({ missing }, 'HERALD_ADMINS names people the directory does not know');
    const seeded: RoleRecord[] = [];
    for (const person of people) {
      const record: RoleRecord = { tenantId, userId: person.id, upn: person.userPrincipalName, displayName: person.displayName, role: 'admin', audienceKinds: [...AUDIENCE_KINDS], updatedBy: 'HERALD_ADMINS', updatedAt: this.deps.now() };
      await this.deps.admin.roles.put(record);
      await this.deps.admin.audit.record({ tenantId, actor: 'HERALD_ADMINS', action: 'role.seed', target: person.userPrincipalName, details: { role: 'admin' } });
      seeded.push(record);
    }
    return seeded;
  }
}

function senderOf(record: RoleRecord): Sender {
  return { userId: record.userId, upn: record.upn, displayName: record.displayName, role: record.role, allowedAudienceKinds: record.audienceKinds };
}
