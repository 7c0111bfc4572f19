import type { InstallerPort } from '../ports/installer';
import type { MessengerPort } from '../ports/messenger';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { CatalogCache } from './catalog-cache';
import type { EngineConfig } from './engine-config';
import type { TenantRateLimiter } from './rate-limiter';

/** What a unit of recipient work needs: the ports, the shared limiter and the tuning. */
export interface WorkContext {
  installer: InstallerPort;
  messenger: MessengerPort;
  limiter: TenantRateLimiter;
  catalog: CatalogCache;
  clock: Clock;
  config: EngineConfig;
  logger: Logger;
  /** Jitter source; tests pin it. */
  random: () => number;
}
