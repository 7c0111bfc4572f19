import type { MessagingExtensionAction, MessagingExtensionActionResponse, Storage, TurnContext } from 'botbuilder';
import type { Logger } from '../../config/logger';
import type { AuditWriter } from '../../core/audit/audit-writer';
import { checkedCardActivity } from '../../core/cards/card-activity';
import type { CardContent } from '../../core/cards/card-content';
import { buildCard } from '../../core/cards/card-template';
import type { BroadcastEngine } from '../../core/engine/broadcast-engine';
import { announcementContent, EMPTY_FORM, readForm, type AnnouncementForm } from '../../core/responses/announcement';
import type { AnnouncementStore, NotificationContentStore } from '../../core/responses/response-store';
import type { TeamOwners } from '../../core/responses/team-owners';
import type { Clock } from '../../core/shared/clock';
import { newId } from '../../core/shared/ids';
import { personOf } from '../turn-person';
import { announceFormCard, noticeCard, taskContinue } from './announce-cards';
import { teamOfTurn, type TurnTeam } from './team-of-turn';

export const ANNOUNCE_COMMAND = 'announce';
const DIALOG_TITLE = 'Announce';

export interface AnnounceDeps {
  storage: Storage;
  owners: TeamOwners;
  engine: BroadcastEngine;
  contents: NotificationContentStore;
  announcements: AnnouncementStore;
  audit: AuditWriter;
  clock: Clock;
  log: Logger;
}

/** A checked draft between the preview and Send, kept in the bot's storage (so any server can finish it). */
interface Draft {
  form: AnnouncementForm;
  content: CardContent;
}

type Caller = { tenantId: string; userId: string; team: TurnTeam };

/**
 * The compose-box action command "Announce": a form in a dialog, a `botMessagePreview`, then Edit (the form again,
 * values kept) or Send (post to the channel and, when asked, deliver to every member through the engine). Only
 * team owners may use it; everyone else gets a dialog that says why.
 */
export class AnnounceCommand {
  constructor(private readonly deps: AnnounceDeps) {}

  async fetchTask(context: TurnContext): Promise<MessagingExtensionActionResponse> {
    const caller = await this.authorize(context);
    if ('refusal' in caller) return caller.refusal;
    return taskContinue(DIALOG_TITLE, announceFormCard(caller.team.name, EMPTY_FORM));
  }

  async submit(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    if ((action.data as { heraldAction?: string } | undefined)?.heraldAction === 'close') return {};
    const caller = await this.authorize(context);
    if ('refusal' in caller) return caller.refusal;
    const form = readForm(action.data);
    const checked = announcementContent(form);
    if ('errors' in checked) return taskContinue(DIALOG_TITLE, announceFormCard(caller.team.name, form, checked.errors));
    await this.deps.storage.write({ [draftKey(context, caller)]: { form, content: checked.content, eTag: '*' } });
    const { activity: preview } = checkedCardActivity(buildCard(checked.content, { notificationId: '' }));
    return { composeExtension: { type: 'botMessagePreview', activityPreview: preview as never } };
  }

  async edit(context: TurnContext): Promise<MessagingExtensionActionResponse> {
    const caller = await this.authorize(context);
    if ('refusal' in caller) return caller.refusal;
    const draft = await this.draft(context, caller);
    return taskContinue(DIALOG_TITLE, announceFormCard(caller.team.name, draft?.form ?? EMPTY_FORM));
  }

  async send(context: TurnContext): Promise<MessagingExtensionActionResponse> {
    const caller = await this.authorize(context);
    if ('refusal' in caller) return caller.refusal;
    const key = draftKey(context, caller);
    const draft = await this.draft(context, caller);
    if (!draft) return taskContinue(DIALOG_TITLE, noticeCard('This preview has expired', 'Start the announcement again from the compose box.'));
    // What is posted is what Herald checked, never the card echoed back by the client.
    const posted = await context.sendActivity(checkedCardActivity(buildCard(draft.content, { notificationId: '' }), draft.content.title).activity);
    await this.deps.storage.delete([key]);
    let notificationId: string | undefined;
    if (draft.form.notifyMembers) notificationId = await this.broadcast(caller, draft.content);
    await this.deps.audit.record({
      tenantId: caller.tenantId,
      actor: caller.userId,
      action: 'announcement.post',
      target: `team:${caller.team.id}`,
      details: { channelId: context.activity.conversation.id, activityId: posted?.id ?? null, title: draft.content.title, toEveryMember: draft.form.notifyMembers, notificationId: notificationId ?? null },
    });
    this.deps.log.info({ tenantId: caller.tenantId, teamId: caller.team.id, notificationId }, 'team announcement posted');
    return {};
  }

  /** Delivers the announcement 1:1 to every member of the team through the engine (installing Herald as needed). */
  private async broadcast(caller: Caller, content: CardContent): Promise<string> {
    const id = newId();
    const notification = await this.deps.engine.createNotification(
      {
        tenantId: caller.tenantId,
        title: content.title,
        card: buildCard(content, { notificationId: id }),
        audience: { include: [{ kind: 'team', id: caller.team.id }] },
        createdBy: caller.userId,
      },
      id,
    );
    await this.deps.contents.saveContent(notification.id, caller.tenantId, content);
    await this.deps.announcements.save({ notificationId: notification.id, tenantId: caller.tenantId, ownerId: caller.userId, teamId: caller.team.id, title: content.title }, this.deps.clock.now());
    // Resolving a large team takes longer than Teams waits for the invoke (5 s): it continues after the answer.
    void this.deps.engine.send(notification.id).catch((error: unknown) => {
      this.deps.log.error({ err: error, notificationId: notification.id }, 'starting the team announcement delivery failed');
    });
    return notification.id;
  }

  private async authorize(context: TurnContext): Promise<Caller | { refusal: MessagingExtensionActionResponse }> {
    const who = personOf(context);
    const team = await teamOfTurn(context).catch(() => undefined);
    if (!who || !team) {
      return { refusal: taskContinue(DIALOG_TITLE, noticeCard('Announce in a team', 'Announcements go to a team channel. Open Announce from the message box of a channel in a team you own.')) };
    }
    if (!(await this.deps.owners.isOwner(team.id, who.userId))) {
      return { refusal: taskContinue(DIALOG_TITLE, noticeCard('Only team owners can announce', `Only owners of ${team.name} can post announcements with Herald. Ask one of the team's owners to post it, or to make you an owner.`)) };
    }
    return { ...who, team };
  }

  private async draft(context: TurnContext, caller: Caller): Promise<Draft | undefined> {
    const key = draftKey(context, caller);
    return (await this.deps.storage.read([key]))[key] as Draft | undefined;
  }
}

function draftKey(context: TurnContext, caller: Caller): string {
  return `herald/announce/${caller.tenantId}/${caller.userId}/${context.activity.conversation.id}`;
}
