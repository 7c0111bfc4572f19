/** "Notification X of tenant T has recipients due": the only message the work queue carries. */
export interface DueNotice {
  tenantId: string;
  notificationId: string;
}

/**
 * An accelerator between servers: SQL stays the truth (a worker still claims rows there), the queue only wakes
 * idle workers at once instead of at their next poll. Losing it loses no work, only speed, so every method may
 * fail quietly: the dispatcher keeps polling SQL either way.
 */
export interface WorkQueuePort {
  /** Tells some worker that this notification has work due (deduplicated per notification). */
  announce(notice: DueNotice): Promise<void>;
  /** Starts listening; `onDue` runs on this worker for each notice it takes. */
  start(onDue: (notice: DueNotice) => void): Promise<void>;
  /** Stops taking notices (notices not taken stay for other workers). */
  stop(): Promise<void>;
}
