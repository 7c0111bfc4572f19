import type { ConversationAddress, MessengerPort } from '../../../../core/ports/messenger';
import type { PlatformError } from '../../../../core/ports/platform-error';

/**
 * The Connector in memory: counts what each conversation received. `fail(conversationId, error, times)` makes
 * the next sends there throw; `gone` conversations answer like Teams after an uninstall until `revive`.
 */
export class FakeMessenger implements MessengerPort {
  readonly delivered = new Map<string, number>();
  readonly updated: string[] = [];
  readonly deleted: string[] = [];
  sends = 0;
  /** Runs before each send: tests use it to stop a dispatcher mid-way. */
  beforeSend: (() => void) | undefined;
  /** While set, sends wait for it: lets a test hold sends in flight. */
  hold: Promise<void> | undefined;
  private readonly failures = new Map<string, PlatformError[]>();
  private nextActivity = 1;

  fail(conversationId: string, error: PlatformError, times = 1): void {
    this.failures.set(conversationId, [...(this.failures.get(conversationId) ?? []), ...Array.from({ length: times }, () => error)]);
  }

  async send(address: ConversationAddress, _activity: Record<string, unknown>): Promise<{ activityId: string }> {
    this.sends += 1;
    this.beforeSend?.();
    if (this.hold) await this.hold;
    this.throwIfFailing(address.conversationId);
    this.delivered.set(address.conversationId, (this.delivered.get(address.conversationId) ?? 0) + 1);
    return { activityId: `1:${this.nextActivity++}` };
  }

  async update(address: ConversationAddress, activityId: string): Promise<void> {
    this.throwIfFailing(address.conversationId);
    this.updated.push(activityId);
  }

  async delete(address: ConversationAddress, activityId: string): Promise<void> {
    this.throwIfFailing(address.conversationId);
    this.deleted.push(activityId);
  }

  async createPersonalConversation(_tenantId: string, _serviceUrl: string, userAadId: string): Promise<string> {
    return `a:${userAadId}`;
  }

  private throwIfFailing(conversationId: string): void {
    const error = this.failures.get(conversationId)?.shift();
    if (error) throw error;
  }
}
