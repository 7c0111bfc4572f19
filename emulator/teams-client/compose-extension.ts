import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { sendToBot, userActivityBase } from '../teams/bot-client';
import type { Conversation } from '../tenant/state';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** What the client asks for: the command's first dialog, or a submit (form data, or Edit/Send of a preview). */
export const ComposeRequest = z.object({
  userId: z.string().min(1),
  conversationId: z.string().min(1),
  commandId: z.string().min(1),
  commandContext: z.enum(['compose', 'commandbox']).default('compose'),
  data: z.record(z.unknown()).optional(),
  botMessagePreviewAction: z.enum(['edit', 'send']).optional(),
  /** The previewed activity, echoed back with Edit and Send as Teams does (`botActivityPreview`). */
  activityPreview: z.record(z.unknown()).optional(),
});
export type ComposeRequest = z.infer<typeof ComposeRequest>;

export type ComposeOutcome =
  | { kind: 'task'; title: string; card: Record<string, unknown> }
  | { kind: 'preview'; activity: Record<string, unknown> }
  | { kind: 'message'; text: string }
  | { kind: 'closed' }
  | { kind: 'error'; status: number; message: string };

/**
 * Sends a messaging-extension invoke as Teams does from a channel's compose box: `composeExtension/fetchTask`, or
 * `composeExtension/submitAction` with the form's `data` or with `botMessagePreviewAction` and the
 * `botActivityPreview` (shapes from "Respond to the dialog submit action", learn.microsoft.com), signed as the
 * channel. The answer is interpreted as Teams would: a dialog, a preview, a message, or the dialog closing.
 */
export async function invokeComposeExtension(ctx: EmulatorContext, conversation: Conversation, request: ComposeRequest, name: 'fetchTask' | 'submitAction'): Promise<ComposeOutcome> {
  const base = userActivityBase(ctx, conversation, request.userId);
  const value: Record<string, unknown> = { commandId: request.commandId, commandContext: request.commandContext, context: { theme: 'default' } };
  if (request.data) value.data = request.data;
  if (request.botMessagePreviewAction) {
    value.botMessagePreviewAction = request.botMessagePreviewAction;
    value.botActivityPreview = [{ ...(request.activityPreview ?? {}), type: 'message/card', context: { theme: 'default' } }];
  }
  const channelData = { ...(base.channelData as Record<string, unknown>), source: { name: request.commandContext } };
  const invoke = { ...base, channelData, type: 'invoke', name: `composeExtension/${name}`, value };
  let answer: { status: number; body: unknown };
  try {
    answer = await sendToBot(ctx, invoke);
  } catch (error) {
    return { kind: 'error', status: 502, message: `The app could not be reached: ${(error as Error).message}` };
  }
  if (answer.status < 200 || answer.status >= 300) return { kind: 'error', status: answer.status, message: `The app answered HTTP ${answer.status}` };
  return interpret(answer.body);
}

function interpret(body: unknown): ComposeOutcome {
  if (!isObject(body) || Object.keys(body).length === 0) return { kind: 'closed' };
  const task = isObject(body.task) ? body.task : undefined;
  if (task?.type === 'continue' && isObject(task.value)) {
    const card = isObject(task.value.card) ? task.value.card : undefined;
    if (card?.contentType !== ADAPTIVE_CARD || !isObject(card.content)) return { kind: 'error', status: 502, message: 'The dialog has no Adaptive Card' };
    return { kind: 'task', title: String(task.value.title ?? ''), card: card.content };
  }
  if (task?.type === 'message') return { kind: 'message', text: String(task.value ?? '') };
  const result = isObject(body.composeExtension) ? body.composeExtension : undefined;
  if (result?.type === 'botMessagePreview') {
    // Teams requires a message activity with exactly one Adaptive Card attachment.
    const activity = isObject(result.activityPreview) ? result.activityPreview : undefined;
    const attachments = Array.isArray(activity?.attachments) ? activity.attachments : [];
    if (attachments.length !== 1 || !isObject(attachments[0]) || attachments[0].contentType !== ADAPTIVE_CARD) {
      return { kind: 'error', status: 502, message: 'A botMessagePreview must carry exactly one Adaptive Card' };
    }
    return { kind: 'preview', activity: activity! };
  }
  if (result?.type === 'message') return { kind: 'message', text: String(result.text ?? '') };
  return { kind: 'error', status: 502, message: 'The app answered with nothing Teams can show' };
}

// The bot's answer is arbitrary JSON walked field by field; `any` keeps each step's own check readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
