import type { Selectable } from 'kysely';
import type { AudienceReport } from '../../core/audience/audience-report';
import { audienceSpecSchema } from '../../core/audience/audience-spec';
import { cardContentSchema } from '../../core/cards/card-content';
import { adaptiveCardSchema } from '../../core/cards/card-schema';
import type { Notification, NotificationOrigin, NotificationStatus } from '../../core/notifications/notification';
import { surveySchema } from '../../core/responses/survey';
import type { ConversationRecord, FollowupStatus, InstallStep, Recipient, RecipientState } from '../../core/recipients/recipient';
import type { ClaimedRecipient } from '../../core/store/store';
import type { ConversationTable, NotificationTable, RecipientTable } from './schema';

/** PostgreSQL may hand back bigint and count(*) as strings; both dialects end up as numbers here. */
export const num = (value: number | string | bigint): number => Number(value);
const numOrNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

export function toNotification(row: Selectable<NotificationTable>): Notification {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    title: row.title,
    // Stored by us after validation; parsing again keeps a hand-edited row from reaching the Connector unchecked.
    card: adaptiveCardSchema.parse(JSON.parse(row.card)),
    content: row.content === null ? null : cardContentSchema.parse(JSON.parse(row.content)),
    survey: row.survey === null ? null : surveySchema.parse(JSON.parse(row.survey)),
    audience: row.audience === 'null' ? null : audienceSpecSchema.parse(JSON.parse(row.audience)),
    status: row.status as NotificationStatus,
    owner: { id: row.owner_id, upn: row.created_by },
    origin: row.origin as NotificationOrigin,
    createdBy: row.created_by,
    scheduledAt: numOrNull(row.scheduled_at),
    timeZone: row.time_zone,
    audienceReport: row.audience_report === null ? null : (JSON.parse(row.audience_report) as AudienceReport),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    startedAt: numOrNull(row.started_at),
    completedAt: numOrNull(row.completed_at),
    editedAt: numOrNull(row.edited_at),
    recalledAt: numOrNull(row.recalled_at),
  };
}

export function toRecipient(row: Selectable<RecipientTable>): Recipient {
  return {
    ...toClaimed(row),
    upn: row.upn,
    displayName: row.display_name,
    nextAttemptAt: num(row.next_attempt_at),
    reason: row.reason,
    lastError: row.last_error,
    activityId: row.activity_id,
    followupStatus: row.followup_status as FollowupStatus | null,
    followupReason: row.followup_reason,
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    sentAt: numOrNull(row.sent_at),
    seenAt: numOrNull(row.seen_at ?? null),
  };
}

export const CLAIMED_COLUMNS = ['id', 'notification_id', 'tenant_id', 'user_id', 'state', 'install_step', 'attempts', 'conversation_id', 'service_url', 'repaired'] as const;

export function toClaimed(row: Pick<Selectable<RecipientTable>, (typeof CLAIMED_COLUMNS)[number]>): ClaimedRecipient {
  return {
    id: num(row.id),
    notificationId: row.notification_id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    state: row.state as RecipientState,
    installStep: row.install_step as InstallStep,
    attempts: num(row.attempts),
    conversationId: row.conversation_id,
    serviceUrl: row.service_url,
    repaired: num(row.repaired) === 1,
  };
}

export function toConversation(row: Selectable<ConversationTable>): ConversationRecord {
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    conversationId: row.conversation_id,
    serviceUrl: row.service_url,
    source: row.source as ConversationRecord['source'],
    updatedAt: num(row.updated_at),
  };
}
