import type { EmulatorContext } from '../context';
import type { EmulatedUser } from '../tenant/model';
import type { Conversation, ReadRecord, StoredActivity } from '../tenant/state';
import { botAccount, eventId } from './bot-client';

/** The RSC permission an installation must have consented for the bot to get read receipts. */
export const READ_RECEIPT_PERMISSION = 'ChatMessageReadReceipt.Read.Chat';
export const READ_RECEIPT_EVENT = 'application/vnd.microsoft.readReceipt';

/** Why reading a chat told the bot nothing. */
export type NoReceiptReason =
  | 'not-installed'
  | 'no-messages'
  | 'nothing-new'
  | 'not-consented'
  | 'turned-off-by-user'
  | 'turned-off-by-policy';

export type ReadOutcome =
  | { receipt: true; conversationId: string; lastReadMessageId: string; activity: Record<string, unknown> }
  | { receipt: false; reason: NoReceiptReason; conversationId?: string; lastReadMessageId?: string };

/**
 * Whether Teams sends read receipts for this person: the tenant's messaging policy `ReadReceiptsEnabledType`
 * decides (`Everyone` on, `None` off), and under `UserPreference` the person's own setting does.
 */
export function receiptsTurnedOff(ctx: EmulatorContext, user: EmulatedUser): 'turned-off-by-user' | 'turned-off-by-policy' | undefined {
  const policy = ctx.state.readReceiptsPolicy;
  if (policy === 'None') return 'turned-off-by-policy';
  if (policy === 'Everyone') return undefined;
  return user.readReceiptsEnabled ? undefined : 'turned-off-by-user';
}

/**
 * The person opens their chat with Herald (at `at`, now by default): everything received until then is read.
 * When something new was read, the installation consented to `ChatMessageReadReceipt.Read.Chat` and neither the
 * person nor the tenant turned receipts off, the answer carries the `event` activity Teams posts to the bot
 * ("Receive a read receipt", build-conversational-capability.md); the caller delivers it.
 */
export function readChat(ctx: EmulatorContext, user: EmulatedUser, at: Date = new Date()): ReadOutcome {
  const { state } = ctx;
  const installation = state.findInstallation(user.id, state.directory.heraldAppId);
  if (!installation) return { receipt: false, reason: 'not-installed' };
  const conversation = state.conversations.get(installation.conversationId);
  if (!conversation) return { receipt: false, reason: 'not-installed' };
  const newest = newestBy(conversation, at);
  if (!newest) return { receipt: false, reason: 'no-messages', conversationId: conversation.id };
  const record = state.reads.get(conversation.id);
  if (record && Number(record.lastReadMessageId) >= Number(newest.id)) {
    return { receipt: false, reason: 'nothing-new', conversationId: conversation.id, lastReadMessageId: record.lastReadMessageId };
  }
  const updated: ReadRecord = { conversationId: conversation.id, userId: user.id, lastReadMessageId: newest.id, readAt: at.toISOString(), lastReceiptMessageId: record?.lastReceiptMessageId, receipts: record?.receipts ?? 0 };
  state.reads.set(conversation.id, updated);
  const base = { conversationId: conversation.id, lastReadMessageId: newest.id };
  if (!state.hasConsented(installation, READ_RECEIPT_PERMISSION)) return { receipt: false, reason: 'not-consented', ...base };
  const off = receiptsTurnedOff(ctx, user);
  if (off) return { receipt: false, reason: off, ...base };
  updated.lastReceiptMessageId = newest.id;
  updated.receipts += 1;
  ctx.counters.add('teams.readReceipts');
  return { receipt: true, ...base, activity: readReceiptActivity(ctx, conversation, user, newest.id, at) };
}

/** The newest message in the chat that had arrived by `at`. Ids are increasing, so the last one that qualifies. */
function newestBy(conversation: Conversation, at: Date): StoredActivity | undefined {
  const limit = at.getTime();
  for (let index = conversation.activities.length - 1; index >= 0; index -= 1) {
    const stored = conversation.activities[index]!;
    if (Date.parse(stored.receivedAt) <= limit) return stored;
  }
  return undefined;
}

function readReceiptActivity(ctx: EmulatorContext, conversation: Conversation, user: EmulatedUser, lastReadMessageId: string, at: Date): Record<string, unknown> {
  const tenantId = ctx.state.tenantId;
  return {
    name: READ_RECEIPT_EVENT,
    type: 'event',
    timestamp: at.toISOString(),
    id: eventId(),
    channelId: 'msteams',
    serviceUrl: ctx.urls.botServiceUrl,
    from: { id: user.teamsUserId, aadObjectId: user.id },
    conversation: { conversationType: 'personal', tenantId, id: conversation.id },
    recipient: botAccount(ctx, conversation.botAppId),
    channelData: { tenant: { id: tenantId } },
    value: { lastReadMessageId },
  };
}
