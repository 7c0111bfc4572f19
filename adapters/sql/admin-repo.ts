import type { Kysely } from 'kysely';
import type { AuditEntry, AuditLog, AudienceKind, Role, RoleRecord, RoleStore } from '../../core/admin/admin-store';
import type { AuditRecord } from '../../core/audit/audit-writer';
import type { AdminTables } from './admin-tables';
import { num } from './row-mappers';
import type { Database } from './schema';

export type AdminDb = Kysely<Database & AdminTables>;

/** Herald's roles: who may send and manage, and to which audience kinds. */
export class RoleRepo implements RoleStore {
  constructor(private readonly db: AdminDb) {}

  async get(tenantId: string, userId: string): Promise<RoleRecord | undefined> {
    const row = await this.db.selectFrom('admin_roles').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
    return row && toRole(row);
  }

  async list(tenantId: string): Promise<RoleRecord[]> {
    const rows = await this.db.selectFrom('admin_roles').selectAll().where('tenant_id', '=', tenantId).orderBy('display_name').execute();
    return rows.map(toRole);
  }

  async put(record: RoleRecord): Promise<void> {
    const values = {
      tenant_id: record.tenantId,
      user_id: record.userId,
      upn: record.upn,
      display_name: record.displayName,
      role: record.role,
      audience_kinds: JSON.stringify(record.audienceKinds),
      updated_by: record.updatedBy,
      updated_at: record.updatedAt,
    };
    await this.db
      .insertInto('admin_roles')
      .values(values)
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ upn: values.upn, display_name: values.display_name, role: values.role, audience_kinds: values.audience_kinds, updated_by: values.updated_by, updated_at: values.updated_at }))
      .execute();
  }

  async remove(tenantId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('admin_roles').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  }
}

function toRole(row: AdminTables['admin_roles']): RoleRecord {
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    upn: row.upn,
    displayName: row.display_name,
    role: row.role as Role,
    audienceKinds: JSON.parse(row.audience_kinds) as AudienceKind[],
    updatedBy: row.updated_by,
    updatedAt: num(row.updated_at),
  };
}

/** The audit log, newest first per tenant. */
export class AuditRepo implements AuditLog {
  constructor(
    private readonly db: AdminDb,
    private readonly now: () => number,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.db
      .insertInto('admin_audit')
      .values({ tenant_id: entry.tenantId, at: this.now(), actor: entry.actor, action: entry.action, target: entry.target, details: entry.details ? JSON.stringify(entry.details) : null })
      .execute();
  }

  async page(tenantId: string, beforeId: number | undefined, limit: number): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('admin_audit').selectAll().where('tenant_id', '=', tenantId);
    if (beforeId !== undefined) query = query.where('id', '<', beforeId);
    const rows = await query.orderBy('id', 'desc').limit(limit).execute();
    return rows.map((row) => ({
      id: num(row.id),
      tenantId: row.tenant_id,
      at: num(row.at),
      actor: row.actor,
      action: row.action,
      target: row.target,
      details: row.details === null ? undefined : (JSON.parse(row.details) as Record<string, unknown>),
    }));
  }
}
