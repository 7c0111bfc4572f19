import type { AuditEntry } from '../../../../api/contract/admin';
import type { NotificationSummary } from '../../../../api/contract/notifications';
import { strings } from '../../strings';

/** Who did it, as a person reads it: a UPN stays, Herald's start-up configuration and the command line are named. */
export function actorWords(actor: string): string {
  if (actor === 'HERALD_ADMINS') return strings.audit.configuredAdmins;
  if (actor === 'cli' || actor.startsWith('cli:')) return strings.audit.commandLine;
  return actor;
}

export function actionWords(action: string): string {
  return strings.audit.actions[action] ?? strings.audit.otherAction;
}

/**
 * What it was about: a notification by its title (from the entry's details, else the list the tab already has),
 * a role change by the person and their new role; never a bare object id.
 */
export function targetWords(entry: AuditEntry, titles: ReadonlyMap<string, string>): string {
  const details = (entry.details ?? {}) as { title?: unknown; role?: unknown; after?: { role?: unknown } };
  if (entry.action.startsWith('notification.')) {
    if (typeof details.title === 'string' && details.title) return details.title;
    return titles.get(entry.target) ?? strings.audit.aNotification;
  }
  if (entry.action.startsWith('role.')) {
    const role = typeof details.after?.role === 'string' ? details.after.role : typeof details.role === 'string' ? details.role : undefined;
    const roleName = role && role in strings.senders.roles ? strings.senders.roles[role as keyof typeof strings.senders.roles] : undefined;
    return roleName ? strings.audit.roleChange(entry.target, roleName) : entry.target;
  }
  return entry.target;
}

export function titlesOf(items: NotificationSummary[] | undefined): Map<string, string> {
  return new Map((items ?? []).map((item) => [item.id, item.title]));
}
