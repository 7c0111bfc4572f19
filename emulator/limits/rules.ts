import type { LimitRule } from '../context';

/** At most `limit` units in any `ms`-long stretch of time. */
export interface Window {
  limit: number;
  ms: number;
}

const second = (limit: number): Window[] => [{ limit, ms: 1000 }];

/** Teams bot limits per bot per thread (rate-limit page of the Teams platform docs). */
const THREAD_SEND: Window[] = [
  { limit: 7, ms: 1000 },
  { limit: 8, ms: 2000 },
  { limit: 60, ms: 30_000 },
  { limit: 1800, ms: 3_600_000 },
];
const THREAD_MEMBERS: Window[] = [
  { limit: 14, ms: 1000 },
  { limit: 16, ms: 2000 },
  { limit: 120, ms: 30_000 },
  { limit: 3600, ms: 3_600_000 },
];

export type WindowedRule = Exclude<LimitRule, 'graph.directory'>;

/** The sliding windows of every rule except the directory, which is a token bucket (see `token-buckets.ts`). */
export const RULE_WINDOWS: Record<WindowedRule, Window[]> = {
  'teams.tenant': second(50),
  'teams.send': THREAD_SEND,
  'teams.createConversation': THREAD_SEND,
  'teams.getMembers': THREAD_MEMBERS,
  'graph.installedApps.get': second(30),
  'graph.installedApps.post': second(30),
  'graph.installedApps.delete': second(15),
  'graph.appCatalogs.get': second(30),
  'graph.teamMembers': second(60),
  'graph.oneTeam': second(4),
  'graph.oneChannel': second(1),
  'graph.activityNotification': second(5),
  'graph.activityNotification.perUser': [{ limit: 10, ms: 60_000 }],
};

/** Identity and access: resource units per 10 s for the application+tenant pair, by tenant size. */
export const DIRECTORY_PERIOD_MS = 10_000;

export function directoryCapacity(tenantUserCount: number): number {
  if (tenantUserCount < 50) return 3500;
  if (tenantUserCount <= 500) return 5000;
  return 8000;
}

/**
 * Teams' Retry-After is whole seconds; Graph's may be fractional, so graph rules keep millisecond precision.
 * Never zero: a client told "retry after 0" would spin.
 */
export function retryAfterSeconds(rule: LimitRule, waitMs: number): number {
  if (rule.startsWith('teams.')) return Math.max(1, Math.ceil(waitMs / 1000));
  return Math.max(0.001, Math.ceil(waitMs) / 1000);
}
