import { resolveAudience } from '../audience/resolve-audience';
import type { AudienceReport } from '../audience/audience-report';
import type { CatalogCache } from '../delivery/catalog-cache';
import type { StatusChanges } from '../notifications/status-changes';
import type { RateLimits } from '../delivery/rate-limiter';
import { HeraldError } from '../errors/herald-error';
import type { Notification } from '../notifications/notification';
import type { DirectoryPort } from '../ports/directory';
import type { Clock } from '../shared/clock';
import type { Store } from '../store/store';

/** Resolution of a big tenant takes minutes; a lease this long keeps a second server from redoing it meanwhile. */
export const RESOLVE_LEASE_MS = 10 * 60_000;

export interface StartDeps {
  store: Store;
  directory: DirectoryPort;
  catalog: CatalogCache;
  limits: RateLimits;
  clock: Clock;
  statuses: StatusChanges;
  holder: string;
}

/**
 * resolving → sending: resolves the audience (idempotent, so a restart may run it again), makes sure Herald is in
 * the app catalog when anyone needs an install, then hands the notification to the dispatcher. Expects the
 * notification to be `resolving` already (the caller won that transition).
 */
export async function resolveThenSend(deps: StartDeps, notification: Notification): Promise<AudienceReport> {
  const { store, clock } = deps;
  if (!(await store.leases.tryAcquire(`resolve:${notification.id}`, deps.holder, clock.now(), RESOLVE_LEASE_MS))) {
    throw new HeraldError('conflict', "Another server is resolving this notification's audience right now.");
  }
  try {
    const report = await resolveAudience({ store, directory: deps.directory, limits: deps.limits, now: () => clock.now() }, notification);
    await store.notifications.update(notification.id, { audienceReport: report }, clock.now());
    if (report.needInstall > 0) await deps.catalog.id();
    if (!(await deps.statuses.move(notification.id, ['resolving'], 'sending'))) {
      // Cancelled while we resolved: the rows we just added must not wait forever in pending.
      await store.recipients.cancelOpen(notification.id, clock.now());
    }
    return report;
  } catch (error) {
    await deps.statuses.move(notification.id, ['resolving'], 'draft');
    throw error;
  } finally {
    await store.leases.release(`resolve:${notification.id}`, deps.holder);
  }
}

/** The report for a draft, without sending: resolution under the same lease, status untouched. */
export async function previewAudience(deps: StartDeps, notification: Notification): Promise<AudienceReport> {
  const { store, clock } = deps;
  if (!(await store.leases.tryAcquire(`resolve:${notification.id}`, deps.holder, clock.now(), RESOLVE_LEASE_MS))) {
    throw new HeraldError('conflict', "This notification's audience is being resolved right now.");
  }
  try {
    const report = await resolveAudience({ store, directory: deps.directory, limits: deps.limits, now: () => clock.now() }, notification);
    await store.notifications.update(notification.id, { audienceReport: report }, clock.now());
    return report;
  } finally {
    await store.leases.release(`resolve:${notification.id}`, deps.holder);
  }
}
