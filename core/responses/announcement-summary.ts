import type { BroadcastEngine } from '../engine/broadcast-engine';
import type { MessengerPort } from '../ports/messenger';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { Store } from '../store/store';
import type { Announcement, AnnouncementStore } from './response-store';

export interface SummaryDeps {
  engine: BroadcastEngine;
  store: Store;
  announcements: AnnouncementStore;
  messenger: MessengerPort;
  clock: Clock;
  logger: Logger;
  /** The Connector service URL to open a chat on when the owner's conversation is not known yet. */
  serviceUrl: string;
}

/**
 * Tells a team owner, in their 1:1 chat with Herald, how their announcement's delivery to every member ended.
 * Durable: the pending summary is a row, claimed once across servers, and announcements that finished while no
 * server listened are summarised at start.
 */
export class AnnouncementSummaries {
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly deps: SummaryDeps) {}

  async start(): Promise<void> {
    this.unsubscribe = this.deps.engine.subscribe((event) => {
      if (event.type === 'status' && (event.status === 'completed' || event.status === 'cancelled')) void this.finished(event.notificationId);
    });
    for (const announcement of await this.deps.announcements.awaitingSummary(100)) {
      const notification = await this.deps.store.notifications.get(announcement.notificationId);
      if (notification && (notification.status === 'completed' || notification.status === 'cancelled')) await this.summarise(announcement);
    }
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private async finished(notificationId: string): Promise<void> {
    try {
      const announcement = await this.deps.announcements.get(notificationId);
      if (announcement) await this.summarise(announcement);
    } catch (error) {
      this.deps.logger.warn({ err: error, notificationId }, 'sending an announcement summary failed');
    }
  }

  private async summarise(announcement: Announcement): Promise<void> {
    if (!(await this.deps.announcements.claimSummary(announcement.notificationId, this.deps.clock.now()))) return;
    const counts = await this.deps.engine.counts(announcement.notificationId);
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const lines = [`Your announcement **${announcement.title}** reached ${counts.sent} of ${total} team members personally.`];
    if (counts.failed > 0) lines.push(`${counts.failed} could not be reached (for example, Teams blocks Herald for them).`);
    if (counts.cancelled > 0) lines.push(`${counts.cancelled} were not messaged because the delivery was cancelled.`);
    const { tenantId, ownerId } = announcement;
    const known = await this.deps.store.conversations.get(tenantId, ownerId);
    const address = known
      ? { conversationId: known.conversationId, serviceUrl: known.serviceUrl, tenantId }
      : { conversationId: await this.deps.messenger.createPersonalConversation(tenantId, this.deps.serviceUrl, ownerId), serviceUrl: this.deps.serviceUrl, tenantId };
    await this.deps.messenger.send(address, { type: 'message', text: lines.join('\n\n'), textFormat: 'markdown' });
    this.deps.logger.info({ tenantId, notificationId: announcement.notificationId, ...counts }, 'announcement summary sent to its owner');
  }
}
