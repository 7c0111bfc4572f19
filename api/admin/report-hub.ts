import type { Response } from 'express';
import type { Logger } from '../../config/logger';
import type { ProgressEvent } from '../../core/delivery/progress';
import type { ResponseEvents } from '../../core/responses/response-events';
import type { Report } from '../contract/notifications';
import type { ReportBuilder } from './report-builder';

interface Stream {
  res: Response;
  heartbeat: ReturnType<typeof setInterval>;
  doneSent: boolean;
}

export interface ReportHubOptions {
  reports: ReportBuilder;
  /** The engine's progress feed (`engine.subscribe`). */
  subscribe: (listener: (event: ProgressEvent) => void) => () => void;
  /** The bot's "someone answered" feed, when the bot records answers. */
  responses?: ResponseEvents;
  log: Logger;
  /** At most one report per notification per interval (the contract: ≤ 1 per second). */
  intervalMs?: number;
  heartbeatMs?: number;
}

const FINAL = new Set<Report['status']>(['completed', 'cancelled', 'failed', 'recalled']);

/**
 * Server-sent events for live reports. Nothing polls: the engine's progress and status events and the bot's
 * answers mark a notification changed; each changed notification with an open stream is reported at most once
 * per interval (leading and trailing), one report built for all its streams. Comment heartbeats keep proxies
 * from closing idle streams.
 */
export class ReportHub {
  private readonly streams = new Map<string, Set<Stream>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastSent = new Map<string, number>();
  private readonly unsubscribe: Array<() => void> = [];
  private readonly intervalMs: number;
  private readonly heartbeatMs: number;

  constructor(private readonly options: ReportHubOptions) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.unsubscribe.push(options.subscribe((event) => this.changed(event.notificationId)));
    if (options.responses) {
      const onRecorded = (notificationId: string): void => this.responseRecorded(notificationId);
      options.responses.on('recorded', onRecorded);
      this.unsubscribe.push(() => options.responses?.off('recorded', onRecorded));
    }
  }

  /** The bot calls this (or emits on `responseEvents`) when someone acknowledged or answered a poll. */
  responseRecorded(notificationId: string): void {
    this.changed(notificationId);
  }

  /** Takes over `res` as an event stream for one notification: the current report at once, then changes. */
  async open(notificationId: string, res: Response): Promise<void> {
    const first = await this.options.reports.build(notificationId);
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    res.write('retry: 3000\n\n');
    const stream: Stream = { res, doneSent: false, heartbeat: setInterval(() => res.write(': heartbeat\n\n'), this.heartbeatMs) };
    const set = this.streams.get(notificationId) ?? new Set<Stream>();
    set.add(stream);
    this.streams.set(notificationId, set);
    res.on('close', () => {
      clearInterval(stream.heartbeat);
      set.delete(stream);
      if (set.size === 0) this.forget(notificationId);
    });
    this.write(stream, first);
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    for (const stop of this.unsubscribe.splice(0)) stop();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const set of this.streams.values()) {
      for (const stream of set) {
        clearInterval(stream.heartbeat);
        stream.res.end();
      }
    }
    this.streams.clear();
  }

  private changed(notificationId: string): void {
    if (!this.streams.has(notificationId) || this.timers.has(notificationId)) return;
    const wait = Math.max(0, (this.lastSent.get(notificationId) ?? 0) + this.intervalMs - Date.now());
    this.timers.set(
      notificationId,
      setTimeout(() => {
        this.timers.delete(notificationId);
        void this.publish(notificationId);
      }, wait),
    );
  }

  private async publish(notificationId: string): Promise<void> {
    const set = this.streams.get(notificationId);
    if (!set || set.size === 0) return;
    this.lastSent.set(notificationId, Date.now());
    try {
      const report = await this.options.reports.build(notificationId);
      for (const stream of set) this.write(stream, report);
    } catch (error) {
      this.options.log.warn({ err: error, notificationId }, 'building a live report failed');
    }
  }

  private write(stream: Stream, report: Report): void {
    stream.res.write(`event: progress\ndata: ${JSON.stringify(report)}\n\n`);
    if (FINAL.has(report.status) && !stream.doneSent) {
      stream.doneSent = true;
      stream.res.write('event: done\ndata: {}\n\n');
    }
  }

  private forget(notificationId: string): void {
    this.streams.delete(notificationId);
    this.lastSent.delete(notificationId);
    const timer = this.timers.get(notificationId);
    if (timer) clearTimeout(timer);
    this.timers.delete(notificationId);
  }
}
