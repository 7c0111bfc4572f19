import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { deliver } from '../teams/behaviour';
import { sendToBot, userActivityBase } from '../teams/bot-client';
import { readChat } from '../teams/read-receipts';
import type { Conversation } from '../tenant/state';
import { InvokeRequest, invokeCardAction } from './card-invoke';
import type { LiveEvents } from './live-events';
import { canSee, clientActivity, clientUser, heraldChat, readReceiptSettings, teamsOf } from './views';

const MessageRequest = z.object({
  userId: z.string().min(1),
  text: z.string().optional(),
  /** An `Action.Submit`'s data. */
  value: z.record(z.unknown()).optional(),
  replyToId: z.string().optional(),
});

const fail = (res: Response, status: number, message: string): void => void res.status(status).json({ error: { message } });

/** The web client's JSON API under `/teams/api`. */
export function apiRoutes(ctx: EmulatorContext, live: LiveEvents): Router {
  const router = Router();
  const { state } = ctx;
  router.use(express.json({ limit: '1mb' }));

  router.get('/users', (req, res) => {
    const search = String(req.query.search ?? '').trim().toLowerCase();
    const top = Math.min(Number(req.query.top ?? 20) || 20, 200);
    const found = [];
    for (const user of state.directory.users) {
      if (found.length >= top) break;
      if (state.deletedUserIds.has(user.id)) continue;
      if (!search || `${user.displayName} ${user.userPrincipalName}`.toLowerCase().includes(search)) found.push(clientUser(state, user));
    }
    res.json({ users: found });
  });

  router.get('/users/:userId/chat', (req, res) => {
    const user = state.findUser(req.params.userId);
    if (!user) return fail(res, 404, 'No such user');
    const chat = heraldChat(state, user.id);
    res.json({ user: clientUser(state, user), conversationId: chat?.id ?? null, activities: chat?.activities.map(clientActivity) ?? [] });
  });

  // The person has their chat with Herald on screen: everything in it is read, and Teams tells the bot when the
  // installation consented to read receipts and neither the person nor the tenant turned them off.
  router.post('/users/:userId/chat/read', (req, res) => {
    const user = state.findUser(req.params.userId);
    if (!user) return fail(res, 404, 'No such user');
    const outcome = readChat(ctx, user);
    if (outcome.receipt && ctx.botEndpoint) void deliver(ctx, outcome.activity);
    res.json(outcome.receipt ? { receipt: true, lastReadMessageId: outcome.lastReadMessageId } : { receipt: false, reason: outcome.reason });
  });

  // Settings > Privacy > Read receipts: the person's own switch (the tenant's policy may override it).
  router.get('/users/:userId/read-receipts', (req, res) => {
    const user = state.findUser(req.params.userId);
    if (!user) return fail(res, 404, 'No such user');
    res.json(readReceiptSettings(state, user));
  });

  router.put('/users/:userId/read-receipts', (req, res) => {
    const user = state.findUser(req.params.userId);
    if (!user) return fail(res, 404, 'No such user');
    const enabled = (req.body as { enabled?: unknown } | undefined)?.enabled;
    if (typeof enabled !== 'boolean') return fail(res, 400, 'enabled must be true or false');
    user.readReceiptsEnabled = enabled;
    res.json(readReceiptSettings(state, user));
  });

  router.get('/users/:userId/feed', (req, res) => {
    const user = state.findUser(req.params.userId);
    if (!user) return fail(res, 404, 'No such user');
    res.json({ items: state.feeds.get(user.id) ?? [] });
  });

  router.get('/users/:userId/teams', (req, res) => {
    const teams = teamsOf(state, req.params.userId).map((team) => ({
      id: team.id,
      displayName: team.displayName,
      channels: team.channels.map((channel) => ({ id: channel.id, displayName: channel.displayName, posts: state.conversations.get(channel.id)?.activities.length ?? 0 })),
    }));
    res.json({ teams });
  });

  router.get('/conversations/:conversationId/activities', (req, res) => {
    const conversation = state.conversations.get(req.params.conversationId);
    res.json({ conversationId: req.params.conversationId, activities: conversation?.activities.map(clientActivity) ?? [] });
  });

  router.post('/users/:userId/install', (req, res) => {
    const user = state.findUser(req.params.userId);
    if (!user) return fail(res, 404, 'No such user');
    if (state.policyBlockedUserIds.has(user.id)) return fail(res, 403, 'Your organisation\'s app permission policy blocks Herald.');
    if (!user.hasTeamsLicense) return fail(res, 403, 'You need a Teams licence to install apps.');
    // Installing in Teams shows the app's RSC permissions and grants them with the install.
    const declared = state.catalogById.get(state.directory.heraldAppId)!.definition.resourceSpecificPermissions;
    const installation = state.install('user', user.id, state.directory.heraldAppId, { consentedPermissions: declared });
    if (!installation) return fail(res, 409, 'Herald is already installed.');
    res.status(201).json(installation);
  });

  router.post('/conversations/:conversationId/messages', async (req, res) => {
    const body = MessageRequest.safeParse(req.body);
    if (!body.success) return fail(res, 400, 'userId and a text or value are needed');
    const conversation = visibleConversation(req.params.conversationId, body.data.userId, res);
    if (!conversation) return;
    const { userId, text, value, replyToId } = body.data;
    const activity: Record<string, unknown> = { ...userActivityBase(ctx, conversation, userId), type: 'message', textFormat: 'plain' };
    if (text !== undefined) activity.text = text;
    if (value !== undefined) activity.value = value;
    if (replyToId !== undefined) activity.replyToId = replyToId;
    const stored = state.addActivity(conversation, activity, 'user');
    activity.id = stored.id;
    try {
      const answer = await sendToBot(ctx, activity);
      res.status(201).json({ id: stored.id, botStatus: answer.status });
    } catch (error) {
      fail(res, 502, `The bot could not be reached: ${(error as Error).message}`);
    }
  });

  router.post('/conversations/:conversationId/invoke', async (req, res) => {
    const body = InvokeRequest.safeParse(req.body);
    if (!body.success) return fail(res, 400, 'userId, activityId and action are needed');
    const conversation = visibleConversation(req.params.conversationId, body.data.userId, res);
    if (!conversation) return;
    const stored = conversation.activities.find((activity) => activity.id === body.data.activityId);
    if (!stored) return fail(res, 404, 'No such message in this conversation');
    const outcome = await invokeCardAction(ctx, conversation, stored, body.data);
    if (outcome.kind === 'card' && outcome.replaced) {
      live.activityChanged(conversation.id, clientActivity(stored), (userId) => canSee(state, userId, conversation));
    }
    res.json(outcome);
  });

  router.get('/events', (req, res) => {
    const userId = String(req.query.userId ?? '');
    if (!state.findUser(userId)) return fail(res, 404, 'No such user');
    live.subscribe(req, res, userId);
  });

  function visibleConversation(conversationId: string, userId: string, res: Response): Conversation | undefined {
    const conversation = state.conversations.get(conversationId);
    if (!conversation) return void fail(res, 404, 'No such conversation');
    if (!state.findUser(userId) || !canSee(state, userId, conversation)) return void fail(res, 403, 'This user is not in that conversation');
    return conversation;
  }

  return router;
}
