import { HeraldError } from '../errors/herald-error';
import type { DirectoryPort, DirectoryUser } from '../ports/directory';
import type { Notification } from '../notifications/notification';
import type { RateLimits } from '../delivery/rate-limiter';
import type { Store } from '../store/store';
import type { NewRecipient } from '../recipients/recipient';
import type { AudienceReport } from './audience-report';
import { estimateSeconds } from './estimate';
import { ReportBuilder } from './report-builder';
import { sourcePages } from './source-pages';
import { readAhead } from '../shared/read-ahead';

export interface ResolveDeps {
  store: Store;
  directory: DirectoryPort;
  limits: RateLimits;
  now: () => number;
}

/**
 * People written per store call (one transaction): a few directory pages. Writing every 1,000-person page on its
 * own cost three times as much, as each write rewrote the index pages its random user ids touched.
 */
const WRITE_BATCH = 5000;

/**
 * Turns a notification's audience into recipient rows, a few directory pages at a time (the next page is fetched
 * while one is written): includes are inserted (the unique (notification, user) key de-duplicates across sources
 * in SQL; people with a cached conversation go in ready), then excludes are deleted. Memory holds at most
 * `WRITE_BATCH` people and two pages, never the tenant. Idempotent: resolving again starts from an empty list.
 */
export async function resolveAudience(deps: ResolveDeps, notification: Notification): Promise<AudienceReport> {
  const { store, directory } = deps;
  const { id, tenantId, audience } = notification;
  if (!audience) throw new HeraldError('validation_failed', 'Choose who receives it first.', { details: { fields: { audience: 'Choose at least one person, group, team, CSV list or everyone.' } } });
  const report = new ReportBuilder();
  await store.recipients.clear(id);
  let rows: NewRecipient[] = [];
  const write = async (): Promise<void> => {
    if (rows.length > 0) await store.recipients.add(id, tenantId, rows, deps.now());
    rows = [];
  };
  for (const source of audience.include) {
    for await (const page of readAhead(sourcePages(directory, source, report))) {
      for (const user of page) if (admit(user, audience.includeGuests, report)) rows.push({ userId: user.id, upn: user.userPrincipalName, displayName: user.displayName });
      if (rows.length >= WRITE_BATCH) await write();
    }
  }
  await write();
  for (const source of audience.exclude) {
    for await (const page of readAhead(sourcePages(directory, source, report))) {
      if (page.length > 0) report.excluded += await store.recipients.remove(id, page.map((user) => user.id));
    }
  }
  await store.recipients.promoteKnown(id, deps.now());
  const counts = await store.recipients.counts(id);
  const recipients = counts.pending + counts.ready;
  return report.build({
    recipients,
    needInstall: counts.pending,
    estimatedSeconds: estimateSeconds(recipients, counts.pending, deps.limits),
    resolvedAt: deps.now(),
  });
}

/** Disabled accounts cannot sign in to read anything; guests only when the author asked for them. */
function admit(user: DirectoryUser, includeGuests: boolean, report: ReportBuilder): boolean {
  if (!user.accountEnabled) {
    report.skippedDisabled += 1;
    return false;
  }
  if (user.userType === 'Guest' && !includeGuests) {
    report.skippedGuests += 1;
    return false;
  }
  return true;
}
