import express, { type RequestHandler, type Router } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import helmet from 'helmet';
import type { AdminDeps } from '../admin/admin-deps';
import { ReportBuilder } from '../admin/report-builder';
import { ReportHub } from '../admin/report-hub';
import { authenticate } from '../auth/authenticate';
import { authenticateTicket, EventTickets } from '../auth/event-tickets';
import { requireAdmin, requireSender } from '../auth/authorize';
import type { SsoVerifier } from '../auth/sso-verifier';
import type { ResponseEvents } from '../../core/responses/response-events';
import { adminRoutes } from '../routes/admin-routes';
import { audienceRoutes } from '../routes/audience-routes';
import { deliveryRoutes } from '../routes/delivery-routes';
import { followUpRoutes } from '../routes/followup-routes';
import { imageServeRoute, imageUploadRoute } from '../routes/image-routes';
import { meRoutes } from '../routes/me-routes';
import { notificationRoutes } from '../routes/notification-routes';
import { eventsRoute, reportRoutes } from '../routes/report-routes';
import { tabRoutes, type TabRouteOptions } from '../routes/tab-routes';
import { errorAnswer, sendError } from './error-answer';
import { maybeUserOf, requestId } from './request-context';

export interface AdminApiOptions {
  deps: AdminDeps;
  verify: SsoVerifier;
  tab: TabRouteOptions;
  /** The bot's answers feed (acknowledgements, votes) for live reports. */
  responseEvents?: ResponseEvents;
  publicUrl?: string;
  /** Calls per user per minute (default 600: a busy tab makes a few a second, a script hammering it many more). */
  userLimitPerMinute?: number;
}

export interface AdminApi {
  router: Router;
  hub: ReportHub;
  close(): void;
}

const SENDER_PATHS = ['/api/notifications', '/api/audience', '/api/search', '/api/images'];
const ADMIN_PATHS = ['/api/senders', '/api/audit'];
const API_PATHS = ['/api/me', ...SENDER_PATHS, ...ADMIN_PATHS];

/**
 * The admin tab's API and the tab itself, as one router the composition root mounts after the bot's route:
 * security headers, request ids, SSO authentication, per-user rate limits, roles, the routes, and error answers.
 */
export function createAdminApi(options: AdminApiOptions): AdminApi {
  const { deps, verify } = options;
  const reports = new ReportBuilder(deps);
  const hub = new ReportHub({ reports, subscribe: (listener) => deps.engine.subscribe(listener), responses: options.responseEvents, log: deps.log });
  const sender = requireSender(deps.notifications.authority);
  const limited = rateLimit({
    windowMs: 60_000,
    limit: options.userLimitPerMinute ?? 600,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req, res) => maybeUserOf(res)?.id ?? ipKeyGenerator(req.ip ?? ''),
    handler: (_req, res) => sendError(res, 429, 'rate_limited', 'Too many requests; wait a minute and try again.'),
  });
  const signedIn: RequestHandler[] = [authenticate(verify), limited];

  const router = express.Router();
  router.use(requestId);
  router.use(tabRoutes(options.tab));
  router.use([...API_PATHS, '/images'], helmet());
  router.use(imageServeRoute(deps.store.images));
  // Mounted before the general sign-in, which wants a header: the stream signs in with a single-use ticket.
  const tickets = new EventTickets();
  router.use(eventsRoute(deps.notifications, hub, tickets, { ticket: [authenticate(verify), limited, sender], stream: [helmet(), authenticateTicket(tickets), limited, sender] }));
  router.use(API_PATHS, ...signedIn);
  router.use(meRoutes(deps.administration));
  // The Authority is asked before any body is read; core's use cases ask it again with the notification in hand.
  router.use(SENDER_PATHS, sender);
  router.use(ADMIN_PATHS, requireAdmin(deps.notifications.authority));
  router.use(notificationRoutes(deps.notifications), deliveryRoutes(deps.notifications, deps.log), reportRoutes(deps, reports), audienceRoutes(deps));
  if (deps.followUps) router.use(followUpRoutes(deps.followUps, deps.log));
  router.use(imageUploadRoute({ images: deps.store.images, tenantId: deps.tenantId, publicUrl: options.publicUrl }), adminRoutes(deps.administration));
  router.use(API_PATHS, (_req, res) => sendError(res, 404, 'not_found', 'There is no such API route.'));
  router.use(errorAnswer(deps.log));
  return { router, hub, close: () => hub.close() };
}
