import { Router } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { describeIssues } from '../faults/schema';
import { deliver } from '../teams/behaviour';
import { signChannelToken } from '../teams/bot-client';
import { readChat, receiptsTurnedOff, type ReadOutcome } from '../teams/read-receipts';
import type { EmulatedUser } from '../tenant/model';
import { READ_RECEIPTS_OFF_PERCENT } from '../tenant/seed';
import { notFound, pageOf, sendError } from './http';

const ReadRequest = z.object({ at: z.string().datetime({ offset: true }).optional() }).strict();
const BulkReadRequest = z
  .object({
    userIds: z.array(z.string().min(1)).min(1).max(100_000),
    at: z.string().datetime({ offset: true }).optional(),
    /** Posts in flight to the bot at once. */
    concurrency: z.number().int().min(1).max(256).optional(),
  })
  .strict();
const Setting = z.object({ enabled: z.boolean() }).strict();
const Policy = z.object({ policy: z.enum(['UserPreference', 'Everyone', 'None']) }).strict();

/**
 * Reading, read receipts and the activity feed, for tests and benchmarks: make a person read their chat with
 * Herald at a moment, turn a person's receipts setting or the tenant's policy on and off, and see what the bot was
 * told and what each person's feed holds.
 */
export function readingRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  const { state } = ctx;

  router.post('/users/:id/read-chat', async (req, res) => {
    const user = state.findUser(req.params.id);
    if (!user) return notFound(res, `no user "${req.params.id}" in the tenant (or the user was deleted)`);
    const body = ReadRequest.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 400, 'BadRequest', describeIssues(body.error));
    const at = body.data.at ? new Date(body.data.at) : new Date();
    const wait = at.getTime() - Date.now();
    if (wait > 0) {
      // Later: the person opens the chat then, and the bot hears of it then.
      setTimeout(() => void readAndTell(ctx, user, at), wait).unref();
      return void res.status(202).json({ scheduled: at.toISOString() });
    }
    res.json(await readAndTell(ctx, user, at));
  });

  router.post('/read-chats', async (req, res) => {
    const body = BulkReadRequest.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'BadRequest', describeIssues(body.error));
    const users = body.data.userIds.map((id) => state.findUser(id));
    const unknown = body.data.userIds.filter((_, index) => !users[index]);
    if (unknown.length) return sendError(res, 400, 'UnknownUsers', `no such users: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? '…' : ''}`);
    const at = body.data.at ? new Date(body.data.at) : new Date();
    const outcomes = await inParallel(users as EmulatedUser[], body.data.concurrency ?? 16, (user) => readAndTell(ctx, user, at));
    const byReason: Record<string, number> = {};
    const botStatuses: Record<string, number> = {};
    for (const outcome of outcomes) {
      if (!outcome.receipt) byReason[outcome.reason] = (byReason[outcome.reason] ?? 0) + 1;
      else botStatuses[String(outcome.botStatus)] = (botStatuses[String(outcome.botStatus)] ?? 0) + 1;
    }
    res.json({ read: outcomes.length, receipts: outcomes.filter((outcome) => outcome.receipt).length, byReason, botStatuses });
  });

  router.put('/users/:id/read-receipts', (req, res) => {
    const user = state.findUser(req.params.id);
    if (!user) return notFound(res, `no user "${req.params.id}" in the tenant (or the user was deleted)`);
    const body = Setting.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'BadRequest', describeIssues(body.error));
    user.readReceiptsEnabled = body.data.enabled;
    res.json(receiptView(ctx, user));
  });

  router.get('/read-receipts-policy', (_req, res) => void res.json(policyView(ctx)));

  router.put('/read-receipts-policy', (req, res) => {
    const body = Policy.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'BadRequest', describeIssues(body.error));
    state.readReceiptsPolicy = body.data.policy;
    res.json(policyView(ctx));
  });

  router.get('/reads', (req, res) => {
    const records = [...state.reads.values()];
    const { skip, top } = pageOf(req, 1000);
    res.json({ total: records.length, receipts: records.reduce((sum, record) => sum + record.receipts, 0), reads: records.slice(skip, skip + top) });
  });

  // For benchmarks that post many activities to the bot themselves: the same JWT the emulated channel sends (valid
  // for an hour, for the tenant's bot and the given service URL, the emulator's own by default).
  router.get('/channel-token', async (req, res) => {
    const serviceUrl = typeof req.query.serviceUrl === 'string' ? req.query.serviceUrl : ctx.urls.botServiceUrl;
    const token = await signChannelToken(ctx, state.directory.botClient.clientId, serviceUrl);
    res.json({ token, serviceUrl, botAppId: state.directory.botClient.clientId });
  });

  router.get('/users/:id/feed', (req, res) => {
    const user = state.findUser(req.params.id);
    if (!user) return notFound(res, `no user "${req.params.id}" in the tenant (or the user was deleted)`);
    res.json({ userId: user.id, items: state.feeds.get(user.id) ?? [] });
  });

  return router;
}

type Told = (ReadOutcome & { receipt: false }) | { receipt: true; conversationId: string; lastReadMessageId: string; botStatus: number | null };

/** Reads, then posts the receipt to the bot and waits for its answer (null when no bot is attached). */
async function readAndTell(ctx: EmulatorContext, user: EmulatedUser, at: Date): Promise<Told> {
  const outcome = readChat(ctx, user, at);
  if (!outcome.receipt) return outcome;
  const botStatus = ctx.botEndpoint ? await deliver(ctx, outcome.activity) : null;
  return { receipt: true, conversationId: outcome.conversationId, lastReadMessageId: outcome.lastReadMessageId, botStatus };
}

async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

function policyView(ctx: EmulatorContext): Record<string, unknown> {
  const users = ctx.state.directory.users;
  return {
    policy: ctx.state.readReceiptsPolicy,
    peopleWithReceiptsOff: users.filter((user) => !user.readReceiptsEnabled).length,
    people: users.length,
    seededOffPercent: READ_RECEIPTS_OFF_PERCENT,
  };
}

function receiptView(ctx: EmulatorContext, user: EmulatedUser): Record<string, unknown> {
  return { id: user.id, readReceiptsEnabled: user.readReceiptsEnabled, effective: receiptsTurnedOff(ctx, user) ?? 'on' };
}


