import type { Request, Response } from 'express';
import type { TenantState } from '../tenant/state';
import { canSee, clientActivity } from './views';

interface Listener {
  userId: string;
  res: Response;
}

/**
 * Server-sent events for the web client: one subscription to the tenant's events, fanned out to every open
 * page of the user concerned (no polling).
 */
export class LiveEvents {
  private readonly listeners = new Set<Listener>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly state: TenantState) {
    state.on('activity', (conversation, stored) => {
      this.send((userId) => canSee(state, userId, conversation), 'activity', { conversationId: conversation.id, activity: clientActivity(stored) });
    });
    state.on('activityChanged', (conversation, stored) => {
      this.send((userId) => canSee(state, userId, conversation), 'activity', { conversationId: conversation.id, activity: clientActivity(stored) });
    });
    state.on('installed', (installation) => this.send((userId) => userId === installation.scopeId, 'installed', installation));
    state.on('uninstalled', (installation) => this.send((userId) => userId === installation.scopeId, 'uninstalled', installation));
    state.on('feed', (item, replaced) => this.send((userId) => userId === item.userId, 'feed', { item, replacedId: replaced?.id ?? null }));
    // A comment every 20 s keeps proxies from closing an idle stream.
    this.heartbeat = setInterval(() => this.listeners.forEach(({ res }) => res.write(': keep-alive\n\n')), 20_000);
    this.heartbeat.unref();
  }

  /** Tells the user's open pages that a stored activity changed (a card replaced after an Action.Execute). */
  activityChanged(conversationId: string, activity: Record<string, unknown>, audience: (userId: string) => boolean): void {
    this.send(audience, 'activity', { conversationId, activity });
  }

  subscribe(req: Request, res: Response, userId: string): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const listener = { userId, res };
    this.listeners.add(listener);
    req.on('close', () => this.listeners.delete(listener));
  }

  private send(audience: (userId: string) => boolean, event: string, data: unknown): void {
    if (this.listeners.size === 0) return;
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const listener of this.listeners) if (audience(listener.userId)) listener.res.write(frame);
  }
}
