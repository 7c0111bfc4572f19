import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import type { Conversation, StoredActivity } from '../tenant/state';
import { accessFailure, findConversation } from './conversations';
import { connectorFailures, sendFailure, type ConnectorFailure } from './errors';
import { admit, ConversationLocks, tooBig, writeLimits } from './guards';

/** What the Connector requires of an activity; everything else passes through untouched. */
const activitySchema = z
  .object({
    type: z.string().min(1),
    text: z.string().optional(),
    attachments: z.array(z.object({ contentType: z.string().min(1) }).passthrough()).optional(),
  })
  .passthrough();

/** Send, reply, update and delete of activities in one conversation (`/v3/conversations/{id}/activities…`). */
export function activityHandlers(ctx: EmulatorContext) {
  const locks = new ConversationLocks();

  /** Resolves the conversation, takes throttle units and checks access; answers the failure itself. */
  const enter = (req: Request, res: Response, write: boolean): Conversation | undefined => {
    const conversation = findConversation(ctx, String(req.params.conversationId), res.locals.botAppId as string);
    if (!conversation) return void sendFailure(res, connectorFailures.conversationNotFound());
    if (!admit(ctx, res, writeLimits(ctx, conversation.id))) return undefined;
    const denied = accessFailure(ctx, conversation, write);
    if (denied) return void sendFailure(res, denied);
    return conversation;
  };

  const validActivity = (req: Request, res: Response): Record<string, unknown> | undefined => {
    const parsed = activitySchema.safeParse(req.body);
    if (!parsed.success) return void sendFailure(res, connectorFailures.badArgument(describe(parsed.error)));
    if (tooBig(parsed.data)) return void sendFailure(res, connectorFailures.tooBig());
    return parsed.data;
  };

  /** Runs a write under the conversation's lock: 412 when another write is still in flight. */
  const locked = (res: Response, conversation: Conversation, work: () => ConnectorFailure | (() => void)): Promise<void> =>
    locks.run(conversation.id, work).then((outcome) => {
      if (!outcome.ran) return sendFailure(res, connectorFailures.preconditionFailed());
      if (typeof outcome.value === 'function') return outcome.value();
      sendFailure(res, outcome.value);
    });

  const send: RequestHandler = (req, res, next) => {
    const conversation = enter(req, res, true);
    if (!conversation) return;
    const activity = validActivity(req, res);
    if (!activity) return;
    const replyToId = req.params.activityId;
    locked(res, conversation, () => {
      // Typing indicators are shown, never kept: Teams acknowledges them without a message id.
      if (activity.type === 'typing') return () => void res.status(200).json({});
      const stored = ctx.state.addActivity(conversation, replyToId ? { ...activity, replyToId } : activity, 'bot');
      stored.activity = { ...stored.activity, id: stored.id };
      ctx.counters.add('connector.send');
      return () => void res.status(201).json({ id: stored.id });
    }).catch(next);
  };

  const update: RequestHandler = (req, res, next) => {
    const conversation = enter(req, res, true);
    if (!conversation) return;
    const activity = validActivity(req, res);
    if (!activity) return;
    locked(res, conversation, () => {
      const stored = botActivity(conversation, String(req.params.activityId));
      if (!stored) return connectorFailures.activityNotFound();
      stored.activity = { ...activity, id: stored.id };
      stored.updatedAt = new Date().toISOString();
      stored.updates += 1;
      ctx.counters.add('connector.update');
      ctx.state.emit('activityChanged', conversation, stored);
      return () => void res.status(200).json({ id: stored.id });
    }).catch(next);
  };

  const remove: RequestHandler = (req, res, next) => {
    const conversation = enter(req, res, true);
    if (!conversation) return;
    locked(res, conversation, () => {
      const stored = botActivity(conversation, String(req.params.activityId));
      if (!stored) return connectorFailures.activityNotFound();
      stored.deleted = true;
      stored.updatedAt = new Date().toISOString();
      ctx.counters.add('connector.delete');
      ctx.state.emit('activityChanged', conversation, stored);
      return () => void res.status(200).end();
    }).catch(next);
  };

  return { send, update, remove };
}

/** A message the bot posted and has not deleted: the only kind it may edit or delete. */
function botActivity(conversation: Conversation, activityId: string): StoredActivity | undefined {
  return conversation.activities.find((stored) => stored.id === activityId && stored.from === 'bot' && !stored.deleted);
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid activity.';
  const field = issue.path.join('.') || 'activity';
  return `Invalid activity: ${field}: ${issue.message}`;
}
