import type { StateCounts } from '../recipients/recipient';
import type { Notification } from './notification';

/** What can be done to a notification; the tab offers exactly the ones `actionsNow` returns. */
export type NotificationAction = 'update' | 'send' | 'cancel' | 'resendFailed' | 'edit' | 'recall' | 'delete' | 'duplicate';

/**
 * Failures that a resend would meet again unless the person or the card changes: resending is not offered when
 * every failure is one of these.
 */
export const RESEND_NEVER_HELPS = new Set(['user_blocked_bot', 'user_not_found', 'card_too_large', 'rejected', 'activity_not_found']);

/**
 * The actions a notification's state allows (who may take them is the Authority's business):
 * - a draft is changed, sent or deleted; a scheduled or running one can only be cancelled;
 * - once finished, the sent card can be edited or recalled while anyone has it, failures resent while some could
 *   still succeed, and the notification deleted;
 * - a recalled one can only be deleted;
 * - anything written as fields can be duplicated into a new draft.
 * `resendable` is how many failed recipients failed for a reason a resend could overcome.
 */
export function actionsNow(notification: Notification, counts: StateCounts, resendable: number): NotificationAction[] {
  const actions: NotificationAction[] = [];
  const delivered = counts.sent > 0;
  switch (notification.status) {
    case 'draft':
      actions.push('update', 'send', 'delete');
      break;
    case 'scheduled':
    case 'resolving':
      actions.push('cancel');
      break;
    case 'sending':
      actions.push('cancel');
      if (resendable > 0) actions.push('resendFailed');
      // Recalling while sending cancels the rest first: an urgent recall must not wait for the send to end.
      if (delivered) actions.push('recall');
      break;
    case 'completed':
    case 'cancelled':
      if (notification.status === 'completed' && resendable > 0) actions.push('resendFailed');
      if (delivered) actions.push('edit', 'recall');
      actions.push('delete');
      break;
    case 'recalled':
      actions.push('delete');
      break;
  }
  if (notification.content) actions.push('duplicate');
  return actions;
}

/** Why an action the state does not allow was refused, as a sentence. */
export function refusal(notification: Notification, action: NotificationAction): string {
  const status = STATUS_WORDS[notification.status];
  switch (action) {
    case 'update':
      return `It is ${status}: only a draft can be changed.${notification.status === 'completed' ? ' Edit the sent card instead.' : ''}`;
    case 'send':
      return `It is ${status}: only a draft can be sent.`;
    case 'cancel':
      return `It is ${status}: only a scheduled notification or one being sent can be cancelled.`;
    case 'resendFailed':
      return notification.status === 'completed' || notification.status === 'sending'
        ? 'Nobody failed for a reason a resend could fix.'
        : `It is ${status}: failures can be resent only once it has been sent.`;
    case 'edit':
    case 'recall':
      return notification.status === 'sending' || notification.status === 'resolving' || notification.status === 'scheduled'
        ? `It is ${status}: cancel it first, then ${action === 'edit' ? 'edit' : 'recall'} the cards already delivered.`
        : `It is ${status}: ${notification.status === 'recalled' ? 'its cards were deleted from every chat' : 'nobody has received the card'}, so there is nothing to ${action === 'edit' ? 'edit' : 'recall'}.`;
    case 'delete':
      return `It is ${status}: cancel it before deleting it.`;
    case 'duplicate':
      return 'It was sent as a card file, so it cannot be copied into the tab: send the file again instead.';
  }
}

const STATUS_WORDS: Record<Notification['status'], string> = {
  draft: 'a draft',
  scheduled: 'scheduled',
  resolving: 'finding its recipients',
  sending: 'being sent',
  completed: 'sent',
  cancelled: 'cancelled',
  recalled: 'recalled',
};
