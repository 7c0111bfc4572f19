/**
 * A recipient's life: pending (no known conversation) → installing → ready (conversation known) → sending →
 * sent | failed(reason) | cancelled. A send that finds the app gone goes back to pending once (repair).
 */
export type RecipientState = 'pending' | 'installing' | 'ready' | 'sending' | 'sent' | 'failed' | 'cancelled';

export const RECIPIENT_STATES: readonly RecipientState[] = ['pending', 'installing', 'ready', 'sending', 'sent', 'failed', 'cancelled'];

/** States that still have work to do; a notification is complete when none of its recipients is in one. */
export const OPEN_STATES: readonly RecipientState[] = ['pending', 'installing', 'ready', 'sending'];

/** While installing: POST the installation, or (after it) wait for the bot's event and then fetch the chat. */
export type InstallStep = 'install' | 'fetch_chat';

/** What happened to an edit or recall of a sent card for this person. */
export type FollowupStatus = 'updated' | 'recalled' | 'failed';

export interface Recipient {
  id: number;
  notificationId: string;
  tenantId: string;
  userId: string;
  upn: string;
  displayName: string;
  state: RecipientState;
  installStep: InstallStep;
  /** Failed tries so far (throttling excluded); at the policy's cap the recipient fails. */
  attempts: number;
  nextAttemptAt: number;
  /** A stable code from `failure-reasons.ts` when failed. */
  reason: string | null;
  lastError: string | null;
  conversationId: string | null;
  serviceUrl: string | null;
  activityId: string | null;
  /** True once a send found the app gone and the conversation was rebuilt: we repair only once. */
  repaired: boolean;
  followupStatus: FollowupStatus | null;
  followupReason: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
  /** The first time a Teams read receipt covered this card (issue 14); null or absent: not seen, or not known. */
  seenAt?: number | null;
}

export type StateCounts = Record<RecipientState, number>;

export function emptyCounts(): StateCounts {
  return { pending: 0, installing: 0, ready: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 };
}

/** A person to add to a notification's audience. */
export interface NewRecipient {
  userId: string;
  upn: string;
  displayName: string;
}

/** Where a user's 1:1 chat with Herald is; `source` says who told us. */
export interface ConversationRecord {
  tenantId: string;
  userId: string;
  conversationId: string;
  serviceUrl: string;
  source: 'graph' | 'bot' | 'connector';
  updatedAt: number;
}
