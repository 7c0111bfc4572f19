import { actorName, type Actor } from '../authority/actor';
import type { AuditWriter } from '../audit/audit-writer';
import type { RoleRecord } from '../admin/admin-store';

/** The smallest group of people a count may describe when reach is shown in aggregate only. */
export const SMALLEST_GROUP_SHOWN = 5;

/** The tenant's reach setting (`HERALD_REACH_AGGREGATE_ONLY`). */
export interface ReachPolicy {
  /** Senders see reach only as counts, none under `SMALLEST_GROUP_SHOWN`; administrators keep per-person reach. */
  aggregateOnly: boolean;
}

export interface ReachPrivacyDeps {
  policy: ReachPolicy;
  /** The Authority's role lookup (core/authority/authority.ts): administrators keep per-person reach. */
  roles: { roleOf(actor: Actor): Promise<RoleRecord | undefined> };
  audit: AuditWriter;
}

/** What per-person view of reach is being read, for the audit log. */
export type PerPersonView = 'recipients' | 'export';

/**
 * Who may see reach per person. With the tenant's "reach in aggregate only" off, whoever may read the report
 * (the notification's owner or an administrator, checked by the notification use case first) sees it. With it on,
 * only administrators do, and each time one reads it the audit log says so.
 */
export class ReachPrivacy {
  constructor(private readonly deps: ReachPrivacyDeps) {}

  get hiddenBelow(): number | null {
    return this.deps.policy.aggregateOnly ? SMALLEST_GROUP_SHOWN : null;
  }

  /** A count as it may be shown: null when it describes fewer people than the smallest group shown. */
  count(value: number): number | null {
    const below = this.hiddenBelow;
    return below !== null && value < below ? null : value;
  }

  /**
   * Whether `actor` may see who saw and acknowledged `notificationId`; call it once per read (a report page's first
   * page, an export), after the notification use case allowed the actor to read the report.
   */
  async mayReadPerPerson(actor: Actor, notificationId: string, view: PerPersonView, audited = true): Promise<boolean> {
    if (!this.deps.policy.aggregateOnly) return true;
    const role = await this.deps.roles.roleOf(actor);
    if (role?.role !== 'admin') return false;
    if (audited) await this.deps.audit.record({ tenantId: actor.tenantId, actor: actorName(actor), action: 'reach.read-per-person', target: notificationId, details: { view } });
    return true;
  }
}

/** No tenant setting: per-person reach for whoever may read the report, every count shown. */
export function openReach(audit: AuditWriter): ReachPrivacy {
  return new ReachPrivacy({ policy: { aggregateOnly: false }, roles: { roleOf: async () => undefined }, audit });
}
