import type { NotificationOrigin } from '../notifications/notification';

/**
 * Whoever acts on Herald: a person signed in to the tab, the command line's operator, a team owner in the compose
 * box. Every use case takes one; what they may do is decided from their Herald role (core/authority/authority.ts),
 * and the audit log records them.
 */
export interface Actor {
  tenantId: string;
  /** The person's Entra object id. */
  userId: string;
  upn: string;
  displayName: string;
  /** Where they act from: a notification they create gets this origin. */
  origin: NotificationOrigin;
}

/** How the audit log names an actor: their UPN, or their object id when the UPN is unknown. */
export function actorName(actor: Pick<Actor, 'upn' | 'userId'>): string {
  return actor.upn || actor.userId;
}
