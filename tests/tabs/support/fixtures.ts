import type { Me } from '../../../api/contract/admin';
import type { NotificationView, RecipientRow, Report } from '../../../api/contract/notifications';

export const senderMe: Me = {
  user: { id: 'u-adele', displayName: 'Adele Vance', upn: 'adele@contoso.test' },
  roles: ['sender'],
  allowedAudienceKinds: ['user', 'group', 'team', 'csv', 'everyone'],
  admins: ['Megan Bowen (megan@contoso.test)'],
};

export const tabConfig = {
  standalone: { ssoTokenUrl: 'http://login.test/contoso/_emulator/sso-token', resource: 'api://tab.test/app-id', defaultUpn: 'adele@contoso.test' },
  teamsHostOrigins: [],
};

export function notificationView(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'n1',
    title: 'Quarterly update',
    status: 'sending',
    createdAt: '2030-01-01T09:00:00.000Z',
    createdBy: 'adele@contoso.test',
    owner: { id: 'u-adele', upn: 'adele@contoso.test' },
    origin: 'tab',
    scheduledAt: null,
    timeZone: 'UTC',
    sentAt: '2030-01-01T09:01:00.000Z',
    completedAt: null,
    editedAt: null,
    recalledAt: null,
    total: 3,
    counts: {},
    content: { title: 'Quarterly update', summary: '', body: '', buttons: [], acknowledge: false, importance: 'normal' },
    audience: { include: [{ kind: 'group', id: 'g1', label: 'Sales' }], exclude: [], includeGuests: false },
    actions: actionsFor(overrides.status ?? 'sending', overrides.counts ?? {}),
    ...overrides,
  };
}

export function report(overrides: Partial<Report> = {}): Report {
  return {
    notificationId: 'n1',
    status: 'sending',
    total: 4,
    counts: { pending: 4 },
    reasons: {},
    acknowledged: 0,
    poll: null,
    ratePerSecond: 0,
    etaSeconds: null,
    ...overrides,
  };
}

export function recipient(userId: string, overrides: Partial<RecipientRow> = {}): RecipientRow {
  return {
    userId,
    upn: `${userId}@contoso.test`,
    displayName: `Person ${userId}`,
    state: 'sent',
    reason: null,
    reasonText: null,
    activityId: null,
    updatedAt: '2030-01-01T09:02:00.000Z',
    acknowledgedAt: null,
    choices: null,
    ...overrides,
  };
}

/** What the server offers an owner in each status (api/contract/notifications.ts, `actions`). */
export function actionsFor(status: NotificationView['status'], counts: Partial<Record<string, number>>): NotificationView['actions'] {
  if (status === 'draft') return ['update', 'send', 'delete', 'duplicate'];
  if (['scheduled', 'resolving', 'sending'].includes(status)) return ['cancel', 'duplicate'];
  if (status === 'recalled') return ['delete', 'duplicate'];
  const delivered = (counts.sent ?? 0) > 0;
  return [...((counts.failed ?? 0) > 0 ? (['resendFailed'] as const) : []), ...(delivered ? (['edit', 'recall'] as const) : []), 'duplicate'];
}
