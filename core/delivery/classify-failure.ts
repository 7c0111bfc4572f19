import { PlatformError } from '../ports/platform-error';
import type { FailureReason } from './failure-reasons';

/** The call that failed: Graph installs and lookups, or a Connector activity operation. */
export type Operation = 'install' | 'fetchChat' | 'send' | 'update' | 'delete';

/** What to do about a failure. */
export type Decision =
  /** 429: pause this tenant's call window for the operation kind, then try again (not the recipient's fault). */
  | { action: 'throttle'; retryAfterMs: number | undefined }
  /** 412, 5xx, transport failure: back off with jitter and try again, up to the attempt cap. */
  | { action: 'retry' }
  /** The app or the chat is gone: forget the conversation, reinstall, re-fetch, send again (once). */
  | { action: 'repair' }
  | { action: 'fail'; reason: FailureReason };

const TRANSIENT = new Set([0, 408, 412, 500, 502, 503, 504]);
/** Connector codes meaning "Herald is not in this chat (any more)": a reinstall fixes them. */
const NOT_INSTALLED = new Set(['ForbiddenOperationException', 'BotNotInConversationRoster']);

/** Classifies an error from a port call. Anything that is not a PlatformError is a bug or outage: retried. */
export function classifyFailure(operation: Operation, error: unknown): Decision {
  if (!(error instanceof PlatformError)) return { action: 'retry' };
  if (error.status === 429) return { action: 'throttle', retryAfterMs: error.retryAfterMs };
  if (TRANSIENT.has(error.status) || error.status >= 500) return { action: 'retry' };
  return error.service === 'graph' ? classifyGraph(error) : classifyConnector(operation, error);
}

function classifyGraph(error: PlatformError): Decision {
  if (mentionsLicence(error)) return { action: 'fail', reason: 'no_teams_license' };
  if (error.status === 403) return { action: 'fail', reason: 'blocked_by_app_policy' };
  if (error.status === 404) return { action: 'fail', reason: 'user_not_found' };
  return { action: 'fail', reason: 'unexpected' };
}

function classifyConnector(operation: Operation, error: PlatformError): Decision {
  const code = error.code ?? '';
  const canRepair = operation === 'send';
  if (error.status === 413) return { action: 'fail', reason: 'card_too_large' };
  if (error.status === 401) return { action: 'fail', reason: 'bot_unauthorized' };
  if (error.status === 400) return { action: 'fail', reason: 'rejected' };
  if (error.status === 403) {
    if (code === 'ConversationBlockedByUser') return { action: 'fail', reason: 'user_blocked_bot' };
    if (code === 'BotDisabledByAdmin') return { action: 'fail', reason: 'bot_disabled' };
    // platform-facts: MessageWritesBlocked comes both when the user blocked the bot and when the app was
    // uninstalled. A reinstall tells the two apart; if the send still fails after it, the user blocked us.
    if (NOT_INSTALLED.has(code) || error.subCode === 'MessageWritesBlocked') {
      return canRepair ? { action: 'repair' } : { action: 'fail', reason: error.subCode ? 'user_blocked_bot' : 'conversation_lost' };
    }
    return { action: 'fail', reason: 'unexpected' };
  }
  if (error.status === 404) {
    if (code === 'ConversationNotFound') return canRepair ? { action: 'repair' } : { action: 'fail', reason: 'conversation_lost' };
    if (code === 'ActivityNotFoundInConversation') return { action: 'fail', reason: 'activity_not_found' };
    return { action: 'fail', reason: 'user_not_found' };
  }
  return { action: 'fail', reason: 'unexpected' };
}

function mentionsLicence(error: PlatformError): boolean {
  return /licen[cs]e/i.test(`${error.code ?? ''} ${error.message}`);
}

/** When a repair was already spent and the send fails the same way again, this is the reason recorded. */
export function reasonAfterRepair(error: unknown): FailureReason {
  return error instanceof PlatformError && error.subCode === 'MessageWritesBlocked' ? 'user_blocked_bot' : 'conversation_lost';
}
