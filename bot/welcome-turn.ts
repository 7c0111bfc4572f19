import type { TurnContext } from 'botbuilder';
import type { Logger } from '../config/logger';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../core/cards/card-activity';
import { claimWelcome, welcomeCard } from '../core/responses/welcome';
import type { BotFeatures } from './bot-features';

/**
 * Decides now (before the install is recorded) whether this install gets the welcome, and returns the send to run
 * after recording, or undefined. A failed send gives the claim back so the next install tries again.
 */
export async function sendWelcome(
  features: Pick<BotFeatures, 'store' | 'welcome' | 'clock'>,
  context: TurnContext,
  who: { tenantId: string; userId: string },
  log: Logger,
): Promise<(() => Promise<void>) | undefined> {
  const welcomes = features.store.responses.welcomes;
  if (!(await claimWelcome(welcomes, features.welcome.mode, who, features.clock.now()))) return undefined;
  return async () => {
    try {
      await context.sendActivity({ type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: welcomeCard(features.welcome.text) }] });
      log.info(who, 'welcome sent');
    } catch (error) {
      await welcomes.release(who.tenantId, who.userId);
      log.warn({ ...who, err: error }, 'sending the welcome failed; the next install will try again');
    }
  };
}
