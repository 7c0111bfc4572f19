import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limiter';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/** Tuning of the delivery pipeline; the composition root builds it from validated configuration. */
export interface EngineConfig {
  /** The Teams app manifest id: the catalog app is found by it (`externalId`). */
  appExternalId: string;
  /** The Connector service URL for conversations learned through Graph (Graph gives the chat id only). */
  serviceUrl: string;
  limits: RateLimits;
  retry: RetryPolicy;
  /** Sends in flight at once (the crash bound depends on it: see core/README.md). */
  maxSendsInFlight: number;
  /** Graph install work in flight at once. */
  maxInstallsInFlight: number;
  /** Most rows one claim takes. */
  claimBatch: number;
  /** How long a claimed row stays invisible to other workers before it is considered abandoned. */
  leaseMs: number;
  /** After an install, how long to wait for the bot's event before asking Graph for the chat. */
  installEventWaitMs: number;
  /** Completions are written together at most this often (and sooner when `flushBatch` are waiting). */
  flushIntervalMs: number;
  flushBatch: number;
  /** How often the dispatcher looks for due work when nothing woke it. */
  pollIntervalMs: number;
  /** Progress events per notification at most this often. */
  progressIntervalMs: number;
  /**
   * One deliverer per database (every deployment but scale-out): a process delivers only while it holds the
   * `delivery` lease, and when it takes the lease over it sends again at once what was in flight (the previous
   * holder stopped or crashed). Scale-out (false): every worker delivers, and rows in flight wait out their lease.
   */
  oneDeliverer: boolean;
  /** The `delivery` lease's life; its holder renews it every fifth of that, a crashed holder's runs out. */
  deliveryLeaseMs: number;
  /** How often the scheduler looks for due scheduled notifications. */
  schedulerIntervalMs: number;
  /**
   * The tenants this process can deliver for (its ports hold their credentials); every tenant when absent. Servers
   * of several deployments may share one database: each claims only its own tenants' recipients.
   */
  deliverTenants?: string[];
}

export const DEFAULT_ENGINE_CONFIG: Omit<EngineConfig, 'appExternalId' | 'serviceUrl'> = {
  limits: DEFAULT_RATE_LIMITS,
  retry: DEFAULT_RETRY_POLICY,
  maxSendsInFlight: 64,
  maxInstallsInFlight: 64,
  claimBatch: 256,
  leaseMs: 5 * 60_000,
  installEventWaitMs: 3000,
  flushIntervalMs: 50,
  flushBatch: 500,
  pollIntervalMs: 250,
  progressIntervalMs: 500,
  oneDeliverer: true,
  deliveryLeaseMs: 5000,
  schedulerIntervalMs: 1000,
};

export function engineConfig(required: Pick<EngineConfig, 'appExternalId' | 'serviceUrl'> & Partial<EngineConfig>): EngineConfig {
  return { ...DEFAULT_ENGINE_CONFIG, ...required };
}
