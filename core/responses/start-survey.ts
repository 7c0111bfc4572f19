import type { BroadcastEngine } from '../engine/broadcast-engine';
import { HeraldError } from '../errors/herald-error';
import type { Notification } from '../notifications/notification';
import type { NotificationInput } from '../notifications/notification-input';
import type { NotificationContentStore } from './response-store';
import { surveyCard, surveySchema, type SurveyInput } from './survey';

export interface SurveyRequest {
  tenantId: string;
  survey: SurveyInput;
  audience: NotificationInput['audience'];
  createdBy: string;
}

/**
 * Creates a survey notification (a draft): its card is the survey's first question, which the engine delivers
 * proactively like any card; each recipient's reply then starts the bot's survey dialog in their chat, which asks
 * the remaining questions one at a time. Send it with `engine.send(notification.id)`.
 */
export async function createSurvey(deps: { engine: BroadcastEngine; contents: NotificationContentStore }, request: SurveyRequest): Promise<Notification> {
  const parsed = surveySchema.safeParse(request.survey);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'survey'}: ${issue.message}`);
    throw new HeraldError('validation_failed', `The survey is not valid: ${issues.join('; ')}`, { details: { issues } });
  }
  const survey = parsed.data;
  const notification = await deps.engine.createNotification({
    tenantId: request.tenantId,
    title: survey.title,
    card: surveyCard(survey),
    audience: request.audience,
    createdBy: request.createdBy,
  });
  await deps.contents.saveSurvey(notification.id, request.tenantId, survey);
  return notification;
}
