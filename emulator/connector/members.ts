import type { RequestHandler } from 'express';
import type { EmulatorContext } from '../context';
import type { EmulatedUser } from '../tenant/model';
import { accessFailure, findConversation, findMember, findTeamByThreadId, installedInTeam, membersOf } from './conversations';
import { connectorFailures, sendFailure } from './errors';
import { admit, readLimits } from './guards';

/** Page sizes Teams honours for `pagedmembers`: smaller ones count as 50, larger ones as 500. */
const MIN_PAGE = 50;
const MAX_PAGE = 500;
const DEFAULT_PAGE = 200;

/** A roster entry as Teams returns it (get-teams-context: "Fetch the roster or user profile"). */
export function teamsChannelAccount(ctx: EmulatorContext, user: EmulatedUser): Record<string, unknown> {
  return {
    id: user.teamsUserId,
    name: user.displayName,
    objectId: user.id,
    aadObjectId: user.id,
    givenName: user.givenName,
    surname: user.surname,
    email: user.mail,
    userPrincipalName: user.userPrincipalName,
    tenantId: ctx.state.tenantId,
    userRole: user.userType === 'Guest' ? 'guest' : 'user',
  };
}

/** `GET /v3/conversations/{id}/members`, `/pagedmembers`, `/members/{memberId}`. */
export function memberHandlers(ctx: EmulatorContext) {
  /** The members of the addressed conversation, or undefined after answering the failure. */
  const roster = (conversationId: string, botAppId: string, res: Parameters<RequestHandler>[1]): EmulatedUser[] | undefined => {
    const conversation = findConversation(ctx, conversationId, botAppId);
    if (!conversation) return void sendFailure(res, connectorFailures.conversationNotFound());
    if (!admit(ctx, res, readLimits(ctx, conversation.id))) return undefined;
    const denied = accessFailure(ctx, conversation, false);
    if (denied) return void sendFailure(res, denied);
    return membersOf(ctx, conversation);
  };

  const list: RequestHandler = (req, res) => {
    const users = roster(String(req.params.conversationId), res.locals.botAppId as string, res);
    if (users) res.json(users.map((user) => teamsChannelAccount(ctx, user)));
  };

  const paged: RequestHandler = (req, res) => {
    const users = roster(String(req.params.conversationId), res.locals.botAppId as string, res);
    if (!users) return;
    const requested = Number(req.query.pageSize ?? DEFAULT_PAGE);
    const size = Math.min(MAX_PAGE, Math.max(MIN_PAGE, Number.isFinite(requested) ? requested : DEFAULT_PAGE));
    const start = decodeToken(req.query.continuationToken);
    const page = users.slice(start, start + size);
    const next = start + size < users.length ? encodeToken(start + size) : undefined;
    res.json({ ...(next ? { continuationToken: next } : {}), members: page.map((user) => teamsChannelAccount(ctx, user)) });
  };

  const one: RequestHandler = (req, res) => {
    const users = roster(String(req.params.conversationId), res.locals.botAppId as string, res);
    if (!users) return;
    const member = findMember(ctx, String(req.params.memberId));
    if (!member || !users.some((user) => user.id === member.id)) return sendFailure(res, connectorFailures.memberNotFound());
    res.json(teamsChannelAccount(ctx, member));
  };

  return { list, paged, one };
}

/** `GET /v3/teams/{teamId}` and `/v3/teams/{teamId}/conversations`; the team id is its General channel's thread id. */
export function teamHandlers(ctx: EmulatorContext) {
  const team = (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => {
    const found = findTeamByThreadId(ctx, String(req.params.teamId));
    if (!found) return void sendFailure(res, connectorFailures.conversationNotFound());
    if (!admit(ctx, res, readLimits(ctx, found.internalId))) return undefined;
    if (!installedInTeam(ctx, found.id, res.locals.botAppId as string)) return void sendFailure(res, connectorFailures.notInRoster());
    return found;
  };

  const details: RequestHandler = (req, res) => {
    const found = team(req, res);
    if (found) res.json({ id: found.internalId, name: found.displayName, aadGroupId: found.id });
  };

  // The General channel's name is null "to allow for localization"; its id is the team's id.
  const channels: RequestHandler = (req, res) => {
    const found = team(req, res);
    if (!found) return;
    const conversations = found.channels.map((channel) => ({
      id: channel.id,
      name: channel.id === found.internalId ? null : channel.displayName,
    }));
    res.json({ conversations });
  };

  return { details, channels };
}

function encodeToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeToken(raw: unknown): number {
  if (typeof raw !== 'string' || !raw) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : 0;
}
