import express, { Router, type Response } from 'express';
import type { EmulatorContext } from '../context';
import { ComposeRequest, invokeComposeExtension } from './compose-extension';
import type { Conversation } from '../tenant/state';
import { canSee } from './views';

const fail = (res: Response, status: number, message: string): void => void res.status(status).json({ error: { message } });

/**
 * `/teams/api/compose-extension/…`: the compose box of a team's channel runs the app's action command
 * (`fetch-task`, then `submit-action` with the form, or with Edit/Send of the preview).
 */
export function composeRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  const { state } = ctx;
  router.use(express.json({ limit: '1mb' }));

  const handle = (name: 'fetchTask' | 'submitAction') => async (req: express.Request, res: Response) => {
    const body = ComposeRequest.safeParse(req.body);
    if (!body.success) return fail(res, 400, 'userId, conversationId and commandId are needed');
    const conversation = channelConversation(ctx, body.data.conversationId);
    if (!conversation) return fail(res, 404, 'No such channel');
    if (!state.findUser(body.data.userId) || !canSee(state, body.data.userId, conversation)) return fail(res, 403, 'This user is not in that team');
    // "If the app is not already a member of the channel, clicking Send will add it" (Teams docs): install in the team.
    if (body.data.botMessagePreviewAction === 'send' && conversation.teamId) state.install('team', conversation.teamId, state.directory.heraldAppId);
    res.json(await invokeComposeExtension(ctx, conversation, body.data, name));
  };

  router.post('/fetch-task', handle('fetchTask'));
  router.post('/submit-action', handle('submitAction'));
  return router;
}

/** A channel's conversation with Herald's bot (created on first use, as a channel exists before any bot posts). */
function channelConversation(ctx: EmulatorContext, channelId: string): Conversation | undefined {
  const { state } = ctx;
  const known = state.conversations.get(channelId);
  if (known) return known.type === 'channel' ? known : undefined;
  const team = state.directory.teams.find((candidate) => candidate.channels.some((channel) => channel.id === channelId));
  const botAppId = state.catalogById.get(state.directory.heraldAppId)?.botAppId;
  return team && botAppId ? state.channelConversation(team, channelId, botAppId) : undefined;
}
