import type { RecipientState } from '../recipients/recipient';

/** A conversation learned while installing, written to the conversation cache with the recipient. */
export interface LearnedConversation {
  tenantId: string;
  userId: string;
  conversationId: string;
  serviceUrl: string;
}

/**
 * The result of one unit of work on a claimed recipient. The dispatcher buffers these and the store applies a
 * batch in one transaction; each applies only if the row is still in `from` (so a cancel or a bot event that
 * moved it meanwhile wins).
 */
export type Outcome =
  | { kind: 'sent'; id: number; activityId: string; at: number }
  | { kind: 'failed'; id: number; from: RecipientState; reason: string; error: string; at: number }
  /** Try again at `nextAttemptAt`; `countAttempt: false` for throttling, which is not the recipient's fault. */
  | { kind: 'retry'; id: number; from: RecipientState; to: 'pending' | 'ready' | 'installing'; nextAttemptAt: number; error: string; countAttempt: boolean }
  /** Installed: wait for the bot's event until `nextAttemptAt`, then fetch the chat. */
  | { kind: 'installed'; id: number; nextAttemptAt: number }
  | { kind: 'ready'; id: number; conversation: LearnedConversation; at: number }
  /** The app or chat is gone: forget the conversation and install again (once). */
  | { kind: 'repair'; id: number; tenantId: string; userId: string; error: string; at: number }
  | { kind: 'followup'; id: number; status: 'updated' | 'recalled' | 'failed'; reason: string | null };
