import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { Store } from '../store/store';

/** The lease row's name: one per database. */
export const DELIVERY_LEASE = 'delivery';

/**
 * One deliverer per database (EngineConfig.oneDeliverer, every deployment but scale-out). `npm start` and a
 * command line beside it share `.herald/herald.db`: two deliverers would each pace at Teams' whole limit, and a
 * newcomer's resume would send again the calls the other has on the wire. So a process delivers only while it holds
 * the `delivery` lease. The holder renews it every fifth of its life; another process takes it when the holder
 * stops (it releases the lease) or its lease runs out (a crash, or a stall longer than the lease), and only then
 * makes what was in flight due again.
 */
export class DeliveryLease {
  private held = false;
  private askedAt = -Infinity;

  constructor(
    private readonly store: Store,
    private readonly options: {
      clock: Clock;
      logger: Logger;
      /** This process's name in lease rows. */
      holder: string;
      /** The lease's life (EngineConfig.deliveryLeaseMs). */
      ttlMs: number;
    },
  ) {}

  /** Whether this process holds the lease now. */
  get holding(): boolean {
    return this.held;
  }

  /**
   * Whether this process may claim now: takes or renews the lease (asking the database at most every fifth of its
   * life while it holds it). On taking the lease over, the rows the previous holder had in flight are made due first.
   */
  async mayDeliver(): Promise<boolean> {
    const { clock, holder, ttlMs, logger } = this.options;
    const now = clock.now();
    if (this.held && now - this.askedAt < ttlMs / 5) return true;
    this.askedAt = now;
    const held = await this.store.leases.tryAcquire(DELIVERY_LEASE, holder, now, ttlMs);
    if (held && !this.held) {
      const resumed = await this.store.recipients.releaseInFlight();
      if (resumed > 0) logger.warn({ resumed }, 'resuming recipients that were in flight when the last deliverer stopped');
    }
    if (!held && this.held) logger.warn({ holder }, 'another process took over delivery (this one stalled past its lease); leaving it the work');
    this.held = held;
    return held;
  }

  /** A clean stop: gives the lease up so that another process takes over at once instead of after its life. */
  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await this.store.leases.release(DELIVERY_LEASE, this.options.holder);
  }
}
