import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { ConversationEvents } from './conversation-events';
import type { Logger } from '../config/logger';

/**
 * Herald's bot. Install notifications feed the engine's conversation cache (Teams' `conversationUpdate` or
 * `installationUpdate`, whichever arrives first, gives the 1:1 conversation without a Graph call).
 */
export class HeraldBot extends TeamsActivityHandler {
  constructor(private readonly events: ConversationEvents, private readonly log: Logger) {
    super();
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
  }

  private async record(context: TurnContext): Promise<void> {
    const { activity } = context;
    const tenantId = tenantOf(context);
    if (!tenantId) return;
    if (activity.conversation.conversationType === 'personal') {
      const userAadId = activity.from?.aadObjectId;
      if (!userAadId) return;
      await this.events.personalConversation({ tenantId, userAadId, conversationId: activity.conversation.id, serviceUrl: activity.serviceUrl });
      this.log.info({ tenantId, userId: userAadId }, 'personal install recorded');
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
