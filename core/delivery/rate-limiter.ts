import type { Clock } from '../shared/clock';
import { CallWindow, type CallPriority, type ReleaseSlot } from './call-window';

export type { CallPriority, ReleaseSlot } from './call-window';

/**
 * The operation kinds Microsoft limits separately, per app per tenant (platform-facts.md): every Connector call;
 * Graph installedApps GETs and POSTs (installs and upgrades); `sendActivityNotification`; directory reads of one
 * object (manager look-ups).
 */
export type OperationKind = 'connector' | 'installedAppsGet' | 'installedAppsPost' | 'activityFeed' | 'directoryRead';

/** Requests per second per kind; Infinity turns the limit off (engine benchmarks against an unthrottled emulator). */
export interface RateLimits {
  connector: number;
  installedAppsGet: number;
  installedAppsPost: number;
  /** `sendActivityNotification`: 5/s per app per tenant (Teams service limits); Microsoft's when absent. */
  activityFeed?: number;
  /**
   * Single-object directory reads (`GET /users/{id}/manager`, 1 resource unit each): the directory's token bucket
   * is 3,500 units per 10 s in the smallest tenants, shared with audience resolution, so a tenth of it by default.
   */
  directoryRead?: number;
}

/** The limit of `kind` in `limits`, Microsoft's own (DEFAULT_RATE_LIMITS) for the kinds left out. */
export function limitOf(limits: RateLimits, kind: OperationKind): number {
  return limits[kind] ?? DEFAULT_RATE_LIMITS[kind]!;
}

/**
 * Microsoft's own limits: 50 Connector requests/s per app per tenant, 30 Graph installedApps GETs and POSTs/s each.
 * Herald can aim at them exactly because a slot is held until a window after the call is answered (see
 * `CallWindow`), so no jitter between our clock and Microsoft's can put one call too many into a second.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { connector: 50, installedAppsGet: 30, installedAppsPost: 30, activityFeed: 5, directoryRead: 35 };

export const UNLIMITED: RateLimits = { connector: Infinity, installedAppsGet: Infinity, installedAppsPost: Infinity, activityFeed: Infinity, directoryRead: Infinity };

/**
 * Clock readings are whole milliseconds here and may be fractional at Microsoft: a slot stays held this much past
 * its window, so truncation never makes a call look a window apart when it is not.
 */
const WINDOW_MARGIN_MS = 2;

/**
 * A rate as a call window: `rate` per second becomes ⌈rate⌉ calls per ⌈rate⌉/rate seconds (48.5/s → 49 calls in any
 * 1,010 ms), so fractional rates keep their meaning.
 */
export function windowFor(rate: number): { limit: number; windowMs: number } {
  if (rate === Infinity) return { limit: Infinity, windowMs: 0 };
  if (!(rate > 0)) throw new Error('rate must be positive (use Infinity for no limit)');
  const limit = Math.max(1, Math.ceil(rate));
  return { limit, windowMs: (1000 * limit) / rate + WINDOW_MARGIN_MS };
}

/**
 * The port every Microsoft call goes through: a slot per tenant per operation kind, released once the call is
 * answered, and a pause after a 429. In one process the `RateLimiter` below is enough; several workers share one
 * limit through adapters/redis, so the tenant-wide limits hold across all of them together.
 */
export interface TenantRateLimiter {
  /**
   * Resolves when a call of `kind` to `tenantId` may go, with the release to call once it is answered. `fill`
   * calls (edits, recalls, expiry, reminders) take only the slots `first` calls (deliveries) leave.
   */
  acquire(tenantId: string, kind: OperationKind, priority?: CallPriority): Promise<ReleaseSlot>;
  /** Honours a Retry-After: nothing of this kind goes to this tenant for `ms` (from any worker sharing the limit). */
  pause(tenantId: string, kind: OperationKind, ms: number): void;
}

/** Runs `call` in a slot of `kind` for `tenantId`, releasing the slot when the call is answered or fails. */
export async function inSlot<T>(limiter: TenantRateLimiter, tenantId: string, kind: OperationKind, call: () => Promise<T>, priority: CallPriority = 'first'): Promise<T> {
  const release = await limiter.acquire(tenantId, kind, priority);
  try {
    return await call();
  } finally {
    release();
  }
}

/** One call window per tenant per operation kind, in this process. */
export class RateLimiter implements TenantRateLimiter {
  private readonly windows = new Map<string, CallWindow>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  acquire(tenantId: string, kind: OperationKind, priority: CallPriority = 'first'): Promise<ReleaseSlot> {
    return this.window(tenantId, kind).acquire(priority);
  }

  pause(tenantId: string, kind: OperationKind, ms: number): void {
    this.window(tenantId, kind).pauseUntil(this.clock.now() + ms);
  }

  private window(tenantId: string, kind: OperationKind): CallWindow {
    const key = `${tenantId}\u0000${kind}`;
    let window = this.windows.get(key);
    if (!window) {
      const { limit, windowMs } = windowFor(limitOf(this.limits, kind));
      window = new CallWindow(limit, windowMs, this.clock);
      this.windows.set(key, window);
    }
    return window;
  }
}
