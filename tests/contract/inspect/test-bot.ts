import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Activity = Record<string, any>;

/**
 * A tiny bot for tests: records every activity the emulated Teams posts (with its Authorization header) and
 * answers invokes with whatever `answerInvoke` returns.
 */
export interface TestBot {
  endpoint: string;
  received: Activity[];
  authorizations: string[];
  answerInvoke: (activity: Activity) => { status: number; body: unknown };
  /** Resolves with the first received activity (past or future) that `match` accepts. */
  waitFor(match: (activity: Activity) => boolean): Promise<Activity>;
  close(): Promise<void>;
}

export async function startTestBot(): Promise<TestBot> {
  const waiters: Array<{ match: (activity: Activity) => boolean; resolve: (activity: Activity) => void }> = [];
  const bot: TestBot = {
    endpoint: '',
    received: [],
    authorizations: [],
    answerInvoke: () => ({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' } }),
    waitFor(match) {
      const seen = bot.received.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: async () => undefined,
  };
  const app = express();
  app.use(express.json({ limit: '5mb' }));
  app.post('/api/messages', (req, res) => {
    const activity = req.body as Activity;
    bot.received.push(activity);
    bot.authorizations.push(req.header('authorization') ?? '');
    for (const waiter of [...waiters]) {
      if (!waiter.match(activity)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(activity);
    }
    if (activity.type !== 'invoke') return void res.status(200).end();
    const answer = bot.answerInvoke(activity);
    res.status(answer.status).json(answer.body);
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  bot.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  bot.close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return bot;
}
