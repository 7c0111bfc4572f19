import { EventEmitter } from 'node:events';

export interface ResponseEventMap {
  /** Someone acknowledged, voted or answered a survey question for this notification. */
  recorded: [notificationId: string];
}

/**
 * Tells the live report that answers arrived, without the report polling. One per process: the API's
 * server-sent events subscribe with `responses.on('recorded', (notificationId) => …)`.
 */
export class ResponseEvents extends EventEmitter<ResponseEventMap> {
  constructor() {
    super();
    // Every open report page subscribes; the default cap of 10 would warn for a busy comms team.
    this.setMaxListeners(0);
  }

  recorded(notificationId: string): void {
    this.emit('recorded', notificationId);
  }
}

/** The process-wide hub (the bot emits, the API listens). */
export const responseEvents = new ResponseEvents();
