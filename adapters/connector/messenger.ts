import { TurnContext, type CloudAdapter } from 'botbuilder';
import type { ConversationReference, Activity } from 'botbuilder';
import type { ConversationAddress, MessengerPort } from '../../core/ports/messenger';
import { toPlatformError } from './connector-error';

/** The part of botframework-connector's ConnectorClient (the turn's client) a send uses. */
interface ConnectorClient {
  conversations: { sendToConversation(conversationId: string, activity: Activity): Promise<{ id?: string } | undefined> };
}

interface QueuedSend {
  address: ConversationAddress;
  activity: Record<string, unknown>;
  resolve(result: { activityId: string }): void;
  reject(error: unknown): void;
}

/**
 * Proactive messaging through botbuilder: calls run in `continueConversationAsync` turns on the shared
 * CloudAdapter, so tokens and serialisation are the SDK's. Errors come back as `PlatformError`s for the engine.
 *
 * Sends that arrive together share one turn: the adapter authenticates and builds one Connector client for the
 * service URL, and each activity goes through that client's `sendToConversation` for its own conversation (what
 * `TurnContext.sendActivity` does for the turn's conversation). A turn per send cost more than the send itself
 * (a new HTTP pipeline, credentials and TurnContext each time: see BENCHMARKS.md). Each send still settles on its
 * own answer, so one slow send never holds another.
 */
export class BotMessenger implements MessengerPort {
  private queued = new Map<string, QueuedSend[]>();
  private flushScheduled = false;

  constructor(private readonly adapter: CloudAdapter, private readonly botAppId: string) {}

  send(address: ConversationAddress, activity: Record<string, unknown>): Promise<{ activityId: string }> {
    return new Promise((resolve, reject) => {
      const group = this.queued.get(address.serviceUrl);
      const send = { address, activity, resolve, reject };
      if (group) group.push(send);
      else this.queued.set(address.serviceUrl, [send]);
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const groups = this.queued;
    this.queued = new Map();
    this.flushScheduled = false;
    for (const sends of groups.values()) void this.sendInOneTurn(sends);
  }

  private async sendInOneTurn(sends: QueuedSend[]): Promise<void> {
    try {
      await this.within(sends[0]!.address, async (context) => {
        const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
        await Promise.all(sends.map((send) => this.sendWith(client, send)));
      });
    } catch (error) {
      // The turn itself failed (no token, no client): nothing was sent.
      const failure = toPlatformError(error);
      for (const send of sends) send.reject(failure);
    }
  }

  private async sendWith(client: ConnectorClient, send: QueuedSend): Promise<void> {
    const activity = TurnContext.applyConversationReference({ ...(send.activity as Partial<Activity>) }, this.reference(send.address)) as Activity;
    try {
      const response = await client.conversations.sendToConversation(send.address.conversationId, activity);
      send.resolve({ activityId: response?.id ?? '' });
    } catch (error) {
      send.reject(toPlatformError(error));
    }
  }

  async update(address: ConversationAddress, activityId: string, activity: Record<string, unknown>): Promise<void> {
    await this.within(address, async (context) => {
      await context.updateActivity({ ...(activity as Partial<Activity>), id: activityId });
    });
  }

  async delete(address: ConversationAddress, activityId: string): Promise<void> {
    await this.within(address, async (context) => {
      await context.deleteActivity(activityId);
    });
  }

  async createPersonalConversation(tenantId: string, serviceUrl: string, userAadId: string): Promise<string> {
    let conversationId = '';
    try {
      await this.adapter.createConversationAsync(
        this.botAppId,
        'msteams',
        serviceUrl,
        'https://api.botframework.com',
        {
          isGroup: false,
          bot: { id: `28:${this.botAppId}`, name: 'Herald' },
          members: [{ id: userAadId, name: '' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
          activity: undefined as unknown as Activity,
        },
        async (context) => {
          conversationId = context.activity.conversation.id;
        },
      );
    } catch (error) {
      throw toPlatformError(error);
    }
    return conversationId;
  }

  private reference(address: ConversationAddress): Partial<ConversationReference> {
    return {
      channelId: 'msteams',
      serviceUrl: address.serviceUrl,
      conversation: { id: address.conversationId, isGroup: false, conversationType: 'personal', tenantId: address.tenantId, name: '' },
      bot: { id: `28:${this.botAppId}`, name: 'Herald' },
    };
  }

  private async within(address: ConversationAddress, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    try {
      await this.adapter.continueConversationAsync(this.botAppId, this.reference(address), async (context) => {
        withoutSdkRetries(context);
        await logic(context);
      });
    } catch (error) {
      throw toPlatformError(error);
    }
  }
}

/**
 * botbuilder's HTTP pipeline (@azure/core-rest-pipeline's defaultRetryPolicy) retries 429s after Retry-After and
 * 5xx on its own, up to 3 times, past Herald's tenant-wide limiter: those retries land in bursts and draw more
 * 429s (measured: 1 send in 5 answered 429 at 49/s against the emulator). Herald owns throttling and retries
 * (core/delivery), so the SDK's retry phase is removed from this turn's connector client.
 */
function withoutSdkRetries(context: TurnContext): void {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } } } | undefined;
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}
