import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import type { Logger } from '../../config/logger';
import type { DueNotice, WorkQueuePort } from '../../core/ports/work-queue';
import { createRedis } from '../redis/redis-client';

const jobData = z.object({ notificationId: z.string().min(1) });

export interface BullWorkQueueOptions {
  redisUrl: string;
  logger: Logger;
  /** Tenants whose notices this process takes (a web-only server takes none, it only announces). */
  listenTenants: string[];
  /** BullMQ key prefix, so deployments (and test runs) sharing one Redis stay apart. */
  prefix?: string;
}

/** One queue per tenant, so one tenant's backlog of wake-ups never sits in front of another's. */
export const queueName = (tenantId: string): string => `due-${tenantId}`;

/**
 * The work queue on BullMQ: a small "notification X has work due" job per notification (the job id is the
 * notification, so a burst of announcements is one job), taken by one idle worker of that tenant, which then
 * claims its rows in SQL. The jobs hold no recipient and no state: Redis losing them loses nothing (the
 * reconciler and every worker's SQL polling find the work again).
 */
export class BullWorkQueue implements WorkQueuePort {
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly producer: ConnectionOptions;
  private readonly prefix: string;

  constructor(private readonly options: BullWorkQueueOptions) {
    this.producer = createRedis(options.redisUrl, options.logger, { name: 'queue' }) as unknown as ConnectionOptions;
    this.prefix = options.prefix ?? 'herald';
  }

  async announce(notice: DueNotice): Promise<void> {
    await this.queue(notice.tenantId).add(
      'due',
      { notificationId: notice.notificationId },
      // BullMQ ids may not contain ':'; a finished job is removed so the next announcement can add it again.
      { jobId: `n-${notice.notificationId}`, removeOnComplete: true, removeOnFail: true },
    );
  }

  async start(onDue: (notice: DueNotice) => void): Promise<void> {
    for (const tenantId of this.options.listenTenants) {
      const connection = createRedis(this.options.redisUrl, this.options.logger, { name: `worker-${tenantId}`, blocking: true });
      const worker = new Worker(
        queueName(tenantId),
        async (job) => {
          const parsed = jobData.safeParse(job.data);
          if (parsed.success) onDue({ tenantId, notificationId: parsed.data.notificationId });
        },
        { connection: connection as unknown as ConnectionOptions, prefix: this.prefix, concurrency: 1 },
      );
      // Connection errors are logged once by the connection itself; BullMQ repeats them on every retry.
      worker.on('error', () => undefined);
      this.workers.push(worker);
    }
  }

  /** Waiting, delayed and active wake-up jobs per tenant (metrics). */
  async depth(tenantId: string): Promise<Record<string, number>> {
    return this.queue(tenantId).getJobCounts('waiting', 'delayed', 'active');
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    const connection = this.producer as unknown as { quit(): Promise<unknown>; disconnect(): void };
    await connection.quit().catch(() => connection.disconnect());
  }

  private queue(tenantId: string): Queue {
    let queue = this.queues.get(tenantId);
    if (!queue) {
      queue = new Queue(queueName(tenantId), { connection: this.producer, prefix: this.prefix });
      queue.on('error', () => undefined);
      this.queues.set(tenantId, queue);
    }
    return queue;
  }
}
