import { AUDIENCE_KINDS, type AuditEntry, type AudienceKind, type Role, type RoleRecord } from '../admin/admin-store';
import { actorName, type Actor } from '../authority/actor';
import type { Authority } from '../authority/authority';
import { HeraldError } from '../errors/herald-error';
import type { DirectoryPort } from '../ports/directory';
import type { Logger } from '../shared/logger';
import type { Clock } from '../shared/clock';
import type { Store } from '../store/store';

export interface AdministrationDeps {
  store: Store;
  directory: DirectoryPort;
  authority: Authority;
  clock: Clock;
  log: Logger;
}

/** Who the actor is to Herald, and whom a refused person should ask. */
export interface Standing {
  role: RoleRecord | undefined;
  admins: RoleRecord[];
}

/** The actor who seeds administrators from configuration (HERALD_ADMINS): named so in the audit log. */
export const CONFIGURATION_ACTOR = 'configuration (HERALD_ADMINS)';

/** Roles (who may send, to what, and who administers) and the audit log: administrators' business, every change audited. */
export class Administration {
  constructor(private readonly deps: AdministrationDeps) {}

  /** Anyone signed in may ask who they are to Herald. */
  async standing(actor: Actor): Promise<Standing> {
    const [role, all] = await Promise.all([this.deps.authority.roleOf(actor), this.deps.store.roles.list(actor.tenantId)]);
    return { role, admins: all.filter((item) => item.role === 'admin') };
  }

  async senders(actor: Actor): Promise<RoleRecord[]> {
    await this.deps.authority.requireAdmin(actor);
    return this.deps.store.roles.list(actor.tenantId);
  }

  /**
   * Grants, changes or (role `none`) removes a person's role; the person is anyone in the directory, found by
   * object id or UPN. Refuses to remove the last administrator. Returns the role now held (undefined: none).
   */
  async setRole(actor: Actor, userIdOrUpn: string, update: { role: Role | 'none'; audienceKinds: AudienceKind[] }): Promise<{ person: { id: string; upn: string; displayName: string }; role: RoleRecord | undefined }> {
    await this.deps.authority.requireAdmin(actor);
    const found = await this.deps.directory.findUser(userIdOrUpn);
    if (!found) throw new HeraldError('not_found', `Nobody called ${userIdOrUpn} is in your organisation's directory. Search for them by name.`);
    const person = { id: found.id, upn: found.userPrincipalName, displayName: found.displayName };
    const tenantId = actor.tenantId;
    const before = await this.deps.store.roles.get(tenantId, person.id);
    if (before?.role === 'admin' && update.role !== 'admin') {
      const admins = (await this.deps.store.roles.list(tenantId)).filter((item) => item.role === 'admin');
      if (admins.length <= 1) throw new HeraldError('conflict', 'This is the last Herald administrator: make someone else an administrator first.');
    }
    const kinds = [...new Set(update.audienceKinds)];
    let after: RoleRecord | undefined;
    if (update.role === 'none') {
      await this.deps.store.roles.remove(tenantId, person.id);
    } else {
      after = { tenantId, userId: person.id, upn: person.upn, displayName: person.displayName, role: update.role, audienceKinds: kinds, updatedBy: actorName(actor), updatedAt: this.deps.clock.now() };
      await this.deps.store.roles.put(after);
    }
    await this.deps.store.audit.record({
      tenantId,
      actor: actorName(actor),
      action: 'role.change',
      target: person.upn,
      details: {
        targetName: person.displayName,
        before: before ? { role: before.role, allowedAudienceKinds: before.audienceKinds } : { role: 'none' },
        after: { role: update.role, allowedAudienceKinds: kinds },
        actorId: actor.userId,
        via: actor.origin,
      },
    });
    return { person, role: after };
  }

  /** One page of the audit log, newest first (administrators only). */
  async auditPage(actor: Actor, beforeId: number | undefined, limit: number): Promise<AuditEntry[]> {
    await this.deps.authority.requireAdmin(actor);
    return this.deps.store.audit.page(actor.tenantId, beforeId, limit);
  }

  /**
   * Makes the configured people administrators (every audience kind) when the tenant has none: on first start,
   * and again should every administrator have been removed by hand, so nobody is ever locked out for good.
   */
  async seedAdmins(tenantId: string, entries: string[]): Promise<RoleRecord[]> {
    const existing = await this.deps.store.roles.list(tenantId);
    if (entries.length === 0 || existing.some((item) => item.role === 'admin')) return [];
    const people = await this.deps.directory.findUsers(entries);
    const missing = entries.filter((entry) => !people.some((person) => [person.id, person.userPrincipalName].some((key) => key.toLowerCase() === entry.toLowerCase())));
    if (missing.length > 0) this.deps.log.warn({ missing }, 'HERALD_ADMINS names people the directory does not know');
    const seeded: RoleRecord[] = [];
    for (const person of people) {
      const record: RoleRecord = { tenantId, userId: person.id, upn: person.userPrincipalName, displayName: person.displayName, role: 'admin', audienceKinds: [...AUDIENCE_KINDS], updatedBy: CONFIGURATION_ACTOR, updatedAt: this.deps.clock.now() };
      await this.deps.store.roles.put(record);
      await this.deps.store.audit.record({ tenantId, actor: CONFIGURATION_ACTOR, action: 'role.seed', target: person.userPrincipalName, details: { targetName: person.displayName, role: 'admin' } });
      seeded.push(record);
    }
    return seeded;
  }
}
