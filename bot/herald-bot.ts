import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TurnContext,
} from 'botbuilder';
import type { ConversationEvents } from './conversation-events';
import type { Logger } from '../config/logger';
import type { BotFeatures } from './bot-features';
import { answerCardInvoke, answerCardSubmit } from './card-actions';
import { AnnounceCommand, ANNOUNCE_COMMAND } from './compose/announce-handler';
import type { ChatTurns } from './survey/chat-turns';
import { POLITE_TEXT } from './replies';
import { sendWelcome } from './welcome-turn';
import type { CardActionDeps } from '../core/responses/card-action';
import { RecordReceipt } from '../core/reach/record-receipt';

/**
 * Herald's bot. Install notifications feed the engine's conversation cache (Teams' `conversationUpdate` or
 * `installationUpdate`, whichever arrives first, gives the 1:1 conversation without a Graph call) and send the
 * welcome. With its features wired, it also answers card actions, runs surveys, and hosts the compose-box
 * "Announce" command.
 */
export class HeraldBot extends TeamsActivityHandler {
  private readonly cards: CardActionDeps | undefined;
  /** Built on the first chat message: botbuilder-dialogs is not loaded by processes that only deliver. */
  private chat: ChatTurns | undefined;
  private readonly announce: AnnounceCommand | undefined;
  /** Teams read receipts → who has seen which card (issue 14). */
  private readonly receipts: RecordReceipt | undefined;

  constructor(private readonly events: ConversationEvents, private readonly log: Logger, private readonly features?: BotFeatures) {
    super();
    if (features) {
      const { store, events: responseEvents, clock } = features;
      this.cards = { store, responses: store.responses, events: responseEvents, clock };
      const { storage, owners, notifications, directory, audit } = features;
      this.announce = new AnnounceCommand({ storage, owners, notifications, directory, audit, clock, log, announcements: store.responses.announcements });
      this.receipts = new RecordReceipt({ store, events: responseEvents, clock, log });
    }
    // Reached only after botbuilder validated the channel's JWT: a forged receipt is refused with 401 before this.
    this.onTeamsReadReceiptEvent(async (info, context, next) => {
      const { activity } = context;
      await this.receipts?.record({
        tenantId: tenantOf(context),
        userId: activity.from?.aadObjectId,
        conversationId: activity.conversation?.id,
        conversationType: activity.conversation?.conversationType,
        lastReadMessageId: info.lastReadMessageId,
      });
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.record(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((member) => member.id === botId)) await this.record(context);
      if (context.activity.membersRemoved?.some((member) => member.id === botId)) await this.forget(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.message(context);
      await next();
    });
  }

  private chatTurns(): ChatTurns | undefined {
    if (!this.features || this.chat) return this.chat;
    const { store, events, clock, storage } = this.features;
    const { ChatTurns } = require('./survey/chat-turns') as typeof import('./survey/chat-turns');
    this.chat = new ChatTurns(storage, { contents: store.responses.contents, surveys: store.responses.surveys, events, clock }, this.log);
    return this.chat;
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    if (!this.cards) return super.onAdaptiveCardInvoke(context, invokeValue);
    return answerCardInvoke(this.cards, context, invokeValue);
  }

  protected override async handleTeamsMessagingExtensionFetchTask(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if (!this.announce || action.commandId !== ANNOUNCE_COMMAND) return super.handleTeamsMessagingExtensionFetchTask(context, action);
    return this.announce.fetchTask(context);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if (!this.announce || action.commandId !== ANNOUNCE_COMMAND) return super.handleTeamsMessagingExtensionSubmitAction(context, action);
    return this.announce.submit(context, action);
  }

  protected override async handleTeamsMessagingExtensionBotMessagePreviewEdit(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if (!this.announce || action.commandId !== ANNOUNCE_COMMAND) return super.handleTeamsMessagingExtensionBotMessagePreviewEdit(context, action);
    return this.announce.edit(context);
  }

  protected override async handleTeamsMessagingExtensionBotMessagePreviewSend(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if (!this.announce || action.commandId !== ANNOUNCE_COMMAND) return super.handleTeamsMessagingExtensionBotMessagePreviewSend(context, action);
    return this.announce.send(context);
  }

  private async message(context: TurnContext): Promise<void> {
    if (this.cards && (await answerCardSubmit(this.cards, context))) return;
    const chat = context.activity.conversation.conversationType === 'personal' ? this.chatTurns() : undefined;
    if (chat) return chat.onMessage(context);
    // A mention in a channel or group chat gets the same courtesy, without dialogs.
    await context.sendActivity({ type: 'message', textFormat: 'markdown', text: POLITE_TEXT });
  }

  private async record(context: TurnContext): Promise<void> {
    const { activity } = context;
    const tenantId = tenantOf(context);
    if (!tenantId) return;
    if (activity.conversation.conversationType === 'personal') {
      const userAadId = activity.from?.aadObjectId;
      if (!userAadId) return;
      // Decided before the conversation is recorded: recording hands waiting recipients their chat, after which
      // Herald's own bulk install no longer looks like one.
      // An upgrade (Herald consenting read receipts on an older installation) is not a new arrival: no welcome.
      const upgraded = activity.action === 'add-upgrade';
      const welcome = this.features && !upgraded ? await sendWelcome(this.features, context, { tenantId, userId: userAadId }, this.log) : undefined;
      await this.events.personalConversation({ tenantId, userAadId, conversationId: activity.conversation.id, serviceUrl: activity.serviceUrl });
      this.log.info({ tenantId, userId: userAadId }, 'personal install recorded');
      await welcome?.();
      return;
    }
    const teamId = (activity.channelData as { team?: { aadGroupId?: string; id?: string } } | undefined)?.team?.aadGroupId;
    if (teamId) {
      await this.events.teamConversation({ tenantId, teamId, conversationId: activity.conversation.id, serviceUrl: activity.serviceUrl });
      this.log.info({ tenantId, teamId }, 'team install recorded');
    }
  }

  private async forget(context: TurnContext): Promise<void> {
    const tenantId = tenantOf(context);
    const userAadId = context.activity.from?.aadObjectId;
    if (tenantId && userAadId && context.activity.conversation.conversationType === 'personal') {
      await this.events.personalUninstalled({ tenantId, userAadId });
      this.log.info({ tenantId, userId: userAadId }, 'personal uninstall recorded');
    }
  }
}

function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
}
