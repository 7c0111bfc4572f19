import { isHeraldError } from '../errors/herald-error';
import type { Outcome } from '../store/outcomes';
import type { ClaimedRecipient } from '../store/store';
import { describeError, failureOutcome } from './failure-outcome';
import { inSlot } from './rate-limiter';
import type { WorkContext } from './work-context';

/**
 * Hands a claimed row back untouched when its notification stopped while the row waited for a rate-limit slot;
 * the store turns it into `cancelled` (the notification is cancelled), so a cancel stops sends within a slot.
 */
function released(ctx: WorkContext, recipient: ClaimedRecipient, from: 'sending' | 'installing'): Outcome {
  const to = from === 'sending' ? 'ready' : 'pending';
  return { kind: 'retry', id: recipient.id, from, to, nextAttemptAt: ctx.clock.now(), error: 'the notification stopped before this call', countAttempt: false };
}

/** Sends the notification's activity to one recipient whose conversation is known. */
export async function sendToRecipient(ctx: WorkContext, recipient: ClaimedRecipient, activity: Record<string, unknown>, isActive: () => boolean): Promise<Outcome> {
  const { conversationId, serviceUrl } = recipient;
  if (!conversationId || !serviceUrl) {
    // Cannot happen through claim (ready rows carry a conversation), but a hand-edited row must not crash the loop.
    return { kind: 'repair', id: recipient.id, tenantId: recipient.tenantId, userId: recipient.userId, error: 'no conversation recorded', at: ctx.clock.now() };
  }
  const release = await ctx.limiter.acquire(recipient.tenantId, 'connector');
  if (!isActive()) {
    release(false);
    return released(ctx, recipient, 'sending');
  }
  try {
    const { activityId } = await ctx.messenger.send({ conversationId, serviceUrl, tenantId: recipient.tenantId }, activity);
    return { kind: 'sent', id: recipient.id, activityId, at: ctx.clock.now() };
  } catch (error) {
    return failureOutcome(ctx, recipient, 'send', error, 'ready');
  } finally {
    release();
  }
}

/**
 * Moves one recipient towards a conversation. Step `install`: POST the installation (201 and 409 both succeed);
 * after a new install the bot's event usually brings the conversation first, so we wait for it. Step
 * `fetch_chat` (the wait ran out, or it was already installed): GET the installation, then its chat.
 */
export async function installForRecipient(ctx: WorkContext, recipient: ClaimedRecipient, isActive: () => boolean): Promise<Outcome> {
  let catalogId: string;
  try {
    catalogId = await ctx.catalog.id();
  } catch (error) {
    if (!isHeraldError(error)) return failureOutcome(ctx, recipient, 'install', error, 'pending');
    return { kind: 'failed', id: recipient.id, from: 'installing', reason: 'app_not_in_catalog', error: describeError(error), at: ctx.clock.now() };
  }
  if (recipient.installStep === 'install') {
    const release = await ctx.limiter.acquire(recipient.tenantId, 'installedAppsPost');
    if (!isActive()) {
      release(false);
      return released(ctx, recipient, 'installing');
    }
    try {
      const result = await ctx.installer.installForUser(recipient.userId, catalogId);
      if (result === 'installed') return { kind: 'installed', id: recipient.id, nextAttemptAt: ctx.clock.now() + ctx.config.installEventWaitMs };
    } catch (error) {
      return failureOutcome(ctx, recipient, 'install', error, 'pending');
    } finally {
      release();
    }
    // 409: an installation Herald did not make now, perhaps before it asked for read receipts: upgrade it once.
    return fetchChat(ctx, recipient, catalogId, true);
  }
  return fetchChat(ctx, recipient, catalogId);
}

/**
 * An installation made before Herald declared its resource-specific permissions has none consented, so Teams
 * sends no read receipts for it: Graph's upgrade with the install's consentedPermissionSet grants them. It is
 * done when the engine meets an existing installation (the install's 409), in its own installedApps POST slot;
 * a refusal only leaves that person's reading "not known", so it never fails the delivery.
 */
async function upgradeConsent(ctx: WorkContext, recipient: ClaimedRecipient, installationId: string): Promise<void> {
  try {
    await inSlot(ctx.limiter, recipient.tenantId, 'installedAppsPost', () => ctx.installer.upgradeForUser(recipient.userId, installationId));
  } catch (error) {
    ctx.logger.warn({ tenantId: recipient.tenantId, userId: recipient.userId, err: describeError(error) }, 'upgrading an existing installation to consent read receipts failed; this person stays "not known" in reach');
  }
}

async function fetchChat(ctx: WorkContext, recipient: ClaimedRecipient, catalogId: string, upgrade = false): Promise<Outcome> {
  try {
    const installationId = await inSlot(ctx.limiter, recipient.tenantId, 'installedAppsGet', () => ctx.installer.findUserInstallation(recipient.userId, catalogId));
    if (!installationId) {
      // Installed a moment ago but gone now (the user removed it): install again.
      const gone = 'the installation disappeared before its chat was fetched';
      return { kind: 'retry', id: recipient.id, from: 'installing', to: 'pending', nextAttemptAt: ctx.clock.now(), error: gone, countAttempt: true };
    }
    if (upgrade) await upgradeConsent(ctx, recipient, installationId);
    const conversationId = await inSlot(ctx.limiter, recipient.tenantId, 'installedAppsGet', () => ctx.installer.chatOfInstallation(recipient.userId, installationId));
    const conversation = { tenantId: recipient.tenantId, userId: recipient.userId, conversationId, serviceUrl: ctx.config.serviceUrl };
    return { kind: 'ready', id: recipient.id, conversation, at: ctx.clock.now() };
  } catch (error) {
    return failureOutcome(ctx, recipient, 'fetchChat', error, 'installing');
  }
}
