import type { MessagingExtensionAction, MessagingExtensionActionResponse, Storage, TurnContext } from 'botbuilder';
import type { Logger } from '../../config/logger';
import type { AuditWriter } from '../../core/audit/audit-writer';
import { checkedCardActivity } from '../../core/cards/card-activity';
import type { CardContent } from '../../core/cards/card-content';
import { buildCard } from '../../core/cards/card-template';
import type { Actor } from '../../core/authority/actor';
import { isHeraldError } from '../../core/errors/herald-error';
import type { NotificationService } from '../../core/notifications/notification-service';
import type { DirectoryPort } from '../../core/ports/directory';
import { announcementContent, EMPTY_FORM, readForm, type AnnouncementForm } from '../../core/responses/announcement';
import type { AnnouncementStore } from '../../core/responses/response-store';
import type { TeamOwners } from '../../core/responses/team-owners';
import type { Clock } from '../../core/shared/clock';
import { personOf } from '../turn-person';
import { announceFormCard, noticeCard, taskContinue } from './announce-cards';
import { teamOfTurn, type TurnTeam } from './team-of-turn';

export const ANNOUNCE_COMMAND = 'announce';
const DIALOG_TITLE = 'Announce';

export interface AnnounceDeps {
  storage: Storage;
  owners: TeamOwners;
  /** Who people are (the announcer's UPN and name, for the card and the audit log). */
  directory: DirectoryPort;
  notifications: NotificationService;
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

type Caller = { actor: Actor; team: TurnTeam };

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
    const checked = announcementContent(form, attribution(caller));
    if ('errors' in checked) return taskContinue(DIALOG_TITLE, announceFormCard(caller.team.name, form, checked.errors));
    if (form.notifyMembers) {
      const refused = await this.deps.notifications.checkAnnounceToTeam(caller.actor, true).then(
        () => undefined,
        (error: unknown) => (isHeraldError(error) && error.code === 'forbidden' ? error.message : Promise.reject(error)),
      );
      if (refused) return taskContinue(DIALOG_TITLE, announceFormCard(caller.team.name, form, { notifyMembers: refused }));
    }
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
    const { actor, team } = caller;
    await this.deps.audit.record({
      tenantId: actor.tenantId,
      actor: actor.upn || actor.userId,
      action: 'announcement.post',
      target: `team:${team.id}`,
      details: { teamName: team.name, channelId: context.activity.conversation.id, activityId: posted?.id ?? null, title: draft.content.title, toEveryMember: draft.form.notifyMembers, actorId: actor.userId, via: 'compose' },
    });
    let notificationId: string | undefined;
    if (draft.form.notifyMembers) notificationId = await this.broadcast(caller, draft.content);
    this.deps.log.info({ tenantId: actor.tenantId, teamId: team.id, notificationId }, 'team announcement posted');
    return {};
  }

  /**
   * Delivers the announcement 1:1 to every member of the team (installing Herald as needed). Resolving a large
   * team takes longer than Teams waits for the invoke (5 s): the work continues after the answer.
   */
  private async broadcast(caller: Caller, content: CardContent): Promise<string> {
    const { actor, team } = caller;
    const started = await this.deps.notifications.announceToTeam(actor, { teamId: team.id, teamName: team.name, content, isTeamOwner: true });
    const id = started.state.notification.id;
    await this.deps.announcements.save({ notificationId: id, tenantId: actor.tenantId, ownerId: actor.userId, teamId: team.id, title: content.title }, this.deps.clock.now());
    started.work?.catch((error: unknown) => this.deps.log.error({ err: error, notificationId: id }, 'resolving the team announcement audience failed'));
    return id;
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
    const person = await this.deps.directory.findUser(who.userId);
    const actor: Actor = { tenantId: who.tenantId, userId: who.userId, upn: person?.userPrincipalName ?? '', displayName: person?.displayName ?? context.activity.from.name ?? '', origin: 'compose' };
    return { actor, team };
  }

  private async draft(context: TurnContext, caller: Caller): Promise<Draft | undefined> {
    const key = draftKey(context, caller);
    return (await this.deps.storage.read([key]))[key] as Draft | undefined;
  }
}

function draftKey(context: TurnContext, caller: Caller): string {
  return `herald/announce/${caller.actor.tenantId}/${caller.actor.userId}/${context.activity.conversation.id}`;
}

/** "Posted by Ada Lovelace in Sales": under the channel post and every personal copy. */
function attribution(caller: Caller): string {
  return `Posted by ${caller.actor.displayName || caller.actor.upn || 'a team owner'} in ${caller.team.name}`;
}
