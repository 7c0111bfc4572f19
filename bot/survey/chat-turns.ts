import { ConversationState, TurnContext, type StatePropertyAccessor, type Storage } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import type { Logger } from '../../config/logger';
import { HELP_TEXT, isHelp, POLITE_TEXT } from '../replies';
import { lastAskedAt, SURVEY_DIALOG, SurveyDialog, type SurveyDialogDeps } from './survey-dialog';
import { personOf } from '../turn-person';

/**
 * The text side of the bot's 1:1 chat: `help`, surveys (dialogs whose state lives in the database, so a restart
 * resumes them), and a polite answer to anything else.
 */
export class ChatTurns {
  private readonly conversationState: ConversationState;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(storage: Storage, private readonly deps: SurveyDialogDeps, private readonly log: Logger) {
    this.conversationState = new ConversationState(storage);
    this.dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(new SurveyDialog(deps));
  }

  async onMessage(context: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text?.trim() ?? '';
    const dc = await this.dialogs.createContext(context);
    try {
      if (isHelp(text)) {
        await context.sendActivity({ type: 'message', textFormat: 'markdown', text: HELP_TEXT });
        if (dc.activeDialog) await dc.repromptDialog();
        return;
      }
      if (await this.startDeliveredSurvey(context, dc)) return;
      if (dc.activeDialog) {
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.complete && !dc.activeDialog) await this.startWaitingSurvey(context, dc);
        return;
      }
      if (await this.startWaitingSurvey(context, dc)) return;
      await context.sendActivity({ type: 'message', textFormat: 'markdown', text: POLITE_TEXT });
    } finally {
      await this.conversationState.saveChanges(context);
    }
  }

  /**
   * A survey card delivered after the last question this chat asked: the reply answers its first question, and the
   * survey goes on top of whatever dialog was running (which resumes when the survey ends).
   */
  private async startDeliveredSurvey(context: TurnContext, dc: DialogContext): Promise<boolean> {
    const who = personOf(context);
    if (!who) return false;
    const [newest] = await this.deps.surveys.unstarted(who.tenantId, who.userId);
    if (!newest || newest.sentAt <= lastAskedAt(dc.activeDialog)) return false;
    if (!(await this.deps.surveys.markStarted(newest.notificationId, who.tenantId, who.userId, this.deps.clock.now()))) return false;
    this.log.info({ tenantId: who.tenantId, notificationId: newest.notificationId }, 'survey started');
    await dc.beginDialog(SURVEY_DIALOG, { notificationId: newest.notificationId, tenantId: who.tenantId, answerNow: true });
    return true;
  }

  /** With nothing else under way, a survey the person has not begun is asked again from its first question. */
  private async startWaitingSurvey(context: TurnContext, dc: DialogContext): Promise<boolean> {
    const who = personOf(context);
    if (!who) return false;
    const [waiting] = await this.deps.surveys.unstarted(who.tenantId, who.userId);
    if (!waiting || !(await this.deps.surveys.markStarted(waiting.notificationId, who.tenantId, who.userId, this.deps.clock.now()))) return false;
    await dc.beginDialog(SURVEY_DIALOG, { notificationId: waiting.notificationId, tenantId: who.tenantId, answerNow: false });
    return true;
  }
}
