import { once } from 'node:events';
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import { describeFailure } from '../../core/delivery/failure-reasons';
import type { Recipient } from '../../core/recipients/recipient';
import { answerText, recipientsCsv } from '../../core/reports/recipients-csv';
import { HeraldError } from '../../core/errors/herald-error';
import { openReach } from '../../core/reach/reach-privacy';
import { reachFilterSchema } from '../contract/reach';
import type { UserResponse } from '../../core/responses/response-store';
import type { AdminDeps } from '../admin/admin-deps';
import type { NotificationService } from '../../core/notifications/notification-service';
import { actorOf } from '../http/actor-of';
import type { ReportBuilder } from '../admin/report-builder';
import type { ReportHub } from '../admin/report-hub';
import { recipientStateSchema, type RecipientRow } from '../contract/notifications';
import type { EventTickets } from '../auth/event-tickets';
import { route } from '../http/async-route';
import { userOf } from '../http/request-context';

const recipientsQuery = z.object({
  state: recipientStateSchema.optional(),
  reason: z.string().min(1).max(100).optional(),
  after: z.string().regex(/^\d+$/, 'must be the `next` value of the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  reach: reachFilterSchema.optional(),
});

/** The report, the per-recipient pages and the CSV export. */
export function reportRoutes(deps: AdminDeps, reports: ReportBuilder): Router {
  const router = express.Router();
  const privacy = deps.reach ?? openReach(deps.store.audit);
  router.get(
    '/api/notifications/:id/report',
    route(async (req, res) => {
      await deps.notifications.read(actorOf(res), req.params.id!);
      res.json(await reports.build(req.params.id!));
    }),
  );
  router.get(
    '/api/notifications/:id/recipients',
    route(async (req, res) => {
      const id = req.params.id!;
      const query = recipientsQuery.parse(req.query);
      const notification = await deps.notifications.read(actorOf(res), id);
      // Audited once per reading (its first page), not once per page of 200.
      const perPerson = await privacy.mayReadPerPerson(actorOf(res), id, 'recipients', query.after === undefined);
      if (query.reach && !perPerson) {
        throw new HeraldError('forbidden', 'Reach is shown in aggregate only in this organisation: only a Herald administrator can list who has not seen or acknowledged a notification.');
      }
      const page = await deps.store.reports.recipients(id, { state: query.state, reason: query.reason, reach: query.reach, afterId: Number(query.after ?? 0), limit: query.limit });
      const answers = perPerson ? await deps.responses.responsesOf(id, page.map((recipient) => recipient.userId)) : new Map<string, UserResponse>();
      const options = notification.content?.poll?.options;
      res.json({
        value: page.map((recipient) => rowOf(recipient, answers.get(recipient.userId), options, perPerson)),
        next: page.length === query.limit ? String(page[page.length - 1]!.id) : null,
        perPersonReach: perPerson,
      });
    }),
  );
  router.get(
    '/api/notifications/:id/export.csv',
    route(async (req, res) => {
      const id = req.params.id!;
      const notification = await deps.notifications.read(actorOf(res), id);
      const reach = await privacy.mayReadPerPerson(actorOf(res), id, 'export');
      res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="herald-${id}.csv"`, 'Cache-Control': 'no-store' });
      // Written page by page, waiting for the socket to drain, so memory stays flat for any audience size.
      for await (const chunk of recipientsCsv(deps.store, id, { reach, pollOptions: notification.content?.poll?.options })) {
        if (!res.write(chunk)) await once(res, 'drain');
      }
      res.end();
    }),
  );
  router.get(
    '/api/notifications/:id/reach-timeline',
    route(async (req, res) => {
      await deps.notifications.read(actorOf(res), req.params.id!);
      res.json(await reports.reachTimeline(req.params.id!));
    }),
  );
  return router;
}

/**
 * The live event stream and its tickets. EventSource cannot send headers, so the tab first asks for a short-lived,
 * single-use ticket with its bearer token (`POST …/events/ticket`, guarded by `guards.ticket`), then opens
 * `GET …/events?ticket=` (guarded by `guards.stream`, which redeems the ticket): no token ever sits in an address.
 */
export function eventsRoute(notifications: NotificationService, hub: ReportHub, tickets: EventTickets, guards: { ticket: RequestHandler[]; stream: RequestHandler[] }): Router {
  const router = express.Router();
  router.post(
    '/api/notifications/:id/events/ticket',
    ...guards.ticket,
    route(async (req, res) => {
      await notifications.read(actorOf(res), req.params.id!);
      res.set('Cache-Control', 'no-store').status(201).json({ ticket: tickets.issue(userOf(res), req.params.id!) });
    }),
  );
  router.get(
    '/api/notifications/:id/events',
    ...guards.stream,
    route(async (req, res) => {
      await notifications.read(actorOf(res), req.params.id!);
      await hub.open(req.params.id!, res);
    }),
  );
  return router;
}

function rowOf(recipient: Recipient, answer: UserResponse | undefined, options: readonly string[] | undefined, perPerson: boolean): RecipientRow {
  return {
    userId: recipient.userId,
    upn: recipient.upn,
    displayName: recipient.displayName,
    state: recipient.state,
    reason: recipient.reason,
    reasonText: recipient.reason ? describeFailure(recipient.reason) : null,
    activityId: recipient.activityId,
    updatedAt: new Date(recipient.updatedAt).toISOString(),
    acknowledgedAt: answer?.acknowledgedAt ? new Date(answer.acknowledgedAt).toISOString() : null,
    choices: answer?.choices ?? null,
    seenAt: perPerson && recipient.seenAt ? new Date(recipient.seenAt).toISOString() : null,
    answer: answerText(answer?.choices, options),
  };
}
