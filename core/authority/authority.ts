import type { AudienceSpec } from '../audience/audience-spec';
import type { RoleRecord, RoleStore } from '../admin/admin-store';
import { assertMayUse } from '../admin/permissions';
import { HeraldError } from '../errors/herald-error';
import type { Notification } from '../notifications/notification';
import type { Actor } from './actor';

/** What the tenant lets people do beyond their Herald role. */
export interface TenantPolicy {
  /**
   * Team owners may deliver their compose-box announcement 1:1 to every member of their own team without a Herald
   * sender role. Off by default: where anyone may create a team, it would make the sender list moot.
   */
  ownersMayMessageMembers: boolean;
}

/**
 * Who may do what, decided here and nowhere else. Administrators may act on every notification; a sender only on
 * their own, and only with the audience kinds they are allowed (on edit and resend as on send); anyone else on
 * nothing. Every refusal is a `forbidden` HeraldError with a sentence that says what to do.
 */
export class Authority {
  constructor(
    private readonly roles: RoleStore,
    private readonly policy: TenantPolicy = { ownersMayMessageMembers: false },
  ) {}

  roleOf(actor: Actor): Promise<RoleRecord | undefined> {
    return this.roles.get(actor.tenantId, actor.userId);
  }

  /** The actor's role; refuses anyone who is not a sender (administrators are senders too). */
  async requireSender(actor: Actor): Promise<RoleRecord> {
    const role = await this.roleOf(actor);
    if (!role) throw new HeraldError('forbidden', 'You are not an authorised sender. Ask a Herald administrator for access.');
    return role;
  }

  async requireAdmin(actor: Actor): Promise<RoleRecord> {
    const role = await this.roleOf(actor);
    if (role?.role !== 'admin') throw new HeraldError('forbidden', 'Only Herald administrators can do this. Ask a Herald administrator.');
    return role;
  }

  /** Whether the role may see and act on this notification at all: an administrator, or its owner. */
  isOwnerOrAdmin(role: RoleRecord, actor: Actor, notification: Notification): boolean {
    return role.role === 'admin' || ownedBy(notification, actor);
  }

  /** Refuses a sender who does not own the notification (it is reported as missing when they may not see it). */
  assertMayActOn(role: RoleRecord, actor: Actor, notification: Notification): void {
    if (this.isOwnerOrAdmin(role, actor, notification)) return;
    throw new HeraldError('forbidden', `This notification belongs to ${notification.owner.upn || 'someone else'}; only they or a Herald administrator can change it.`);
  }

  /** Refuses audience kinds the role may not use (exclusions included). */
  assertMayUse(role: RoleRecord, audience: AudienceSpec): void {
    assertMayUse(role, audience);
  }

  /**
   * A team owner's compose-box announcement delivered 1:1 to every member of their team: allowed with a Herald
   * role that may use the `team` audience kind, or, where the tenant lets owners message their own members, to an
   * owner of that team. `isTeamOwner` is the caller's check against the team's roster.
   */
  async assertMayMessageTeamMembers(actor: Actor, isTeamOwner: boolean): Promise<void> {
    const role = await this.roleOf(actor);
    if (role?.audienceKinds.includes('team')) return;
    if (isTeamOwner && this.policy.ownersMayMessageMembers) return;
    throw new HeraldError(
      'forbidden',
      role
        ? 'Your Herald role does not include sending to teams, so it can be posted to the channel but not delivered to every member personally. Ask a Herald administrator to allow teams for you.'
        : 'Delivering an announcement to every member personally needs a Herald sender role. You can still post it to the channel; ask a Herald administrator for access.',
    );
  }
}

/**
 * Ownership is the owner's Entra object id. Notifications written before owners had ids recorded their author's
 * UPN in its place (migration 0005), and match by UPN.
 */
function ownedBy(notification: Notification, actor: Actor): boolean {
  const { owner } = notification;
  if (owner.id === actor.userId) return true;
  return owner.id === owner.upn && owner.upn !== '' && owner.upn.toLowerCase() === actor.upn.toLowerCase();
}
