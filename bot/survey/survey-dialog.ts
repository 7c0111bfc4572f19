import { Dialog, type DialogContext, type DialogInstance, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { ResponseEvents } from '../../core/responses/response-events';
import type { NotificationContentStore, SurveyStore } from '../../core/responses/response-store';
import { parseAnswer, questionText, type Survey } from '../../core/responses/survey';
import type { Clock } from '../../core/shared/clock';

export const SURVEY_DIALOG = 'herald.survey';

export interface SurveyDialogOptions {
  notificationId: string;
  tenantId: string;
  /** The survey's first question was the proactive card just delivered: this turn's message answers it. */
  answerNow: boolean;
}

/** Kept in the dialog stack (persisted in SQL between turns): where this person is in the survey. */
interface SurveyState {
  notificationId: string;
  tenantId: string;
  index: number;
  /** When the current question was last asked: a survey delivered after it takes the next reply. */
  askedAt: number;
}

export interface SurveyDialogDeps {
  contents: NotificationContentStore;
  surveys: SurveyStore;
  events: ResponseEvents;
  clock: Clock;
}

/**
 * One survey in one person's chat, one question at a time. It sits on the dialog stack above whatever the person
 * was doing (another survey), and ending it hands control back to that dialog, which asks its question again.
 */
export class SurveyDialog extends Dialog<SurveyDialogOptions> {
  constructor(private readonly deps: SurveyDialogDeps) {
    super(SURVEY_DIALOG);
  }

  async beginDialog(dc: DialogContext, options?: SurveyDialogOptions): Promise<DialogTurnResult> {
    if (!options) return dc.endDialog();
    const state = stateOf(dc.activeDialog);
    Object.assign(state, { notificationId: options.notificationId, tenantId: options.tenantId, index: 0, askedAt: this.deps.clock.now() });
    if (options.answerNow) return this.onAnswer(dc, state);
    const survey = await this.deps.contents.surveyOf(state.notificationId);
    if (!survey) return dc.endDialog();
    await dc.context.sendActivity({ type: 'message', textFormat: 'markdown', text: `You have a survey waiting: **${survey.title}**.` });
    await this.ask(dc.context, state, survey);
    return Dialog.EndOfTurn;
  }

  override continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.onAnswer(dc, stateOf(dc.activeDialog));
  }

  /** The survey that interrupted this one finished: pick up where the person left off. */
  override async resumeDialog(dc: DialogContext, _reason: DialogReason, _result?: unknown): Promise<DialogTurnResult> {
    const state = stateOf(dc.activeDialog);
    const survey = await this.deps.contents.surveyOf(state.notificationId);
    if (!survey) return dc.endDialog();
    await dc.context.sendActivity({ type: 'message', textFormat: 'markdown', text: `Back to **${survey.title}**.` });
    await this.ask(dc.context, state, survey);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = stateOf(instance);
    const survey = await this.deps.contents.surveyOf(state.notificationId);
    if (survey) await this.ask(context, state, survey);
  }

  private async onAnswer(dc: DialogContext, state: SurveyState): Promise<DialogTurnResult> {
    const survey = await this.deps.contents.surveyOf(state.notificationId);
    const question = survey?.questions[state.index];
    if (!survey || !question) return dc.endDialog();
    const answer = parseAnswer(question, dc.context.activity.text ?? '');
    if (answer === undefined) {
      const hint = question.choices ? `Please answer with a number from 1 to ${question.choices.length}.` : 'Please type your answer.';
      await dc.context.sendActivity({ type: 'message', text: `Sorry, I did not catch that. ${hint}` });
      await this.ask(dc.context, state, survey);
      return Dialog.EndOfTurn;
    }
    const now = this.deps.clock.now();
    await this.deps.surveys.recordAnswer({ notificationId: state.notificationId, tenantId: state.tenantId, userId: userOf(dc.context), questionIndex: state.index, answer, answeredAt: now });
    this.deps.events.recorded(state.notificationId);
    state.index += 1;
    if (state.index < survey.questions.length) {
      await this.ask(dc.context, state, survey);
      return Dialog.EndOfTurn;
    }
    await this.deps.surveys.markCompleted(state.notificationId, userOf(dc.context), now);
    await dc.context.sendActivity({ type: 'message', textFormat: 'markdown', text: `Thank you! Your answers to **${survey.title}** were recorded.` });
    return dc.endDialog();
  }

  private async ask(context: TurnContext, state: SurveyState, survey: Survey): Promise<void> {
    state.askedAt = this.deps.clock.now();
    await context.sendActivity({ type: 'message', textFormat: 'markdown', text: questionText(survey, state.index) });
  }
}

function stateOf(instance: DialogInstance | undefined): SurveyState {
  return instance!.state as SurveyState;
}

function userOf(context: TurnContext): string {
  return context.activity.from?.aadObjectId ?? context.activity.from.id;
}

/** When the active survey last asked a question (0 when no survey is under way). */
export function lastAskedAt(instance: DialogInstance | undefined): number {
  const state = instance?.state as Partial<SurveyState> | undefined;
  return state?.askedAt ?? 0;
}
