import type { RateLimits } from '../delivery/rate-limiter';

/**
 * Seconds a broadcast should take at the configured rates. Installs and sends run as one pipeline, so the slower
 * stream binds: every recipient costs one Connector call, each new one also one installedApps POST.
 */
export function estimateSeconds(recipients: number, needInstall: number, limits: RateLimits): number {
  const sends = recipients / limits.connector;
  const installs = needInstall / limits.installedAppsPost;
  return Math.ceil(Math.max(sends, installs));
}
