import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HeraldError } from '../../core/errors/herald-error';
import { setUser } from '../http/request-context';
import type { SignedInUser } from './sso-verifier';

/** A ticket opens one stream within this time, or never. */
export const TICKET_LIFETIME_MS = 30_000;

interface Ticket {
  user: SignedInUser;
  notificationId: string;
  expiresAt: number;
}

/**
 * Short-lived, single-use tickets for the report's event stream. EventSource cannot send an Authorization header,
 * and a token in an address ends up in proxies' and browsers' logs; a ticket is obtained with the bearer header,
 * names one notification, and is worth nothing once used or after 30 s. Tickets live in this process's memory: in
 * scale-out, route a tab's requests to one web server (sticky sessions) or the stream is refused and reopened.
 */
export class EventTickets {
  private readonly tickets = new Map<string, Ticket>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(user: SignedInUser, notificationId: string): string {
    this.sweep();
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { user, notificationId, expiresAt: this.now() + TICKET_LIFETIME_MS });
    return ticket;
  }

  /** The ticket's user when it is valid for `notificationId`; the ticket is spent either way. */
  redeem(ticket: string, notificationId: string): SignedInUser | undefined {
    const found = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (!found || found.expiresAt < this.now() || found.notificationId !== notificationId) return undefined;
    return found.user;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, ticket] of this.tickets) if (ticket.expiresAt < now) this.tickets.delete(key);
  }
}

/** Signs the stream's request in from `?ticket=` (never a token in the address). */
export function authenticateTicket(tickets: EventTickets): RequestHandler {
  return (req, res, next) => {
    const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : undefined;
    const user = ticket ? tickets.redeem(ticket, String(req.params.id ?? '')) : undefined;
    if (!user) return next(new HeraldError('unauthenticated', 'This event-stream ticket is unknown, used or expired; ask for a new one with POST …/events/ticket.'));
    setUser(res, user);
    next();
  };
}
