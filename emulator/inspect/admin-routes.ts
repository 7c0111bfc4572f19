import { Router } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { applyUserFaults, createFaults } from '../faults/faults';
import { FaultsConfig, describeIssues } from '../faults/schema';
import type { EmulatedUser } from '../tenant/model';
import { sendError } from './http';

const Preinstall = z
  .object({
    count: z.number().int().min(0).optional(),
    userIds: z.array(z.string().min(1)).optional(),
    /** Tell the bot, as a user's own install would; off by default so a benchmark starts from a quiet bot. */
    notifyBot: z.boolean().optional(),
    /** Consent the app's resource-specific permissions, as Herald's own installs do (default); false for none. */
    consent: z.boolean().optional(),
  })
  .strict();

const GraphRoles = z
  .object({
    roles: z.array(z.string().min(1)),
    /** Whose grant: the Graph client app's (when absent) or the bot's own registration's, by client id. */
    appId: z.string().min(1).optional(),
  })
  .strict();

/** Test and benchmark set-up: reset, bulk pre-install, permissions and faults at runtime. */
export function adminRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  const { state } = ctx;

  router.post('/reset', (req, res) => {
    for (const conversation of state.allConversations()) conversation.activities.length = 0;
    state.reads.clear();
    state.feeds.clear();
    ctx.counters.reset();
    ctx.limits.reset();
    ctx.faults.reset();
    // Quietly: a reset is not users uninstalling, so the bot is not told.
    const removeInstallations = req.query.installations === 'true';
    if (removeInstallations) state.installations.clear();
    res.json({ reset: true, installationsRemoved: removeInstallations });
  });

  router.post('/preinstall', (req, res) => {
    const body = Preinstall.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 400, 'BadRequest', describeIssues(body.error));
    const { userIds, count, notifyBot = false, consent = true } = body.data;
    const unknown = (userIds ?? []).filter((id) => !state.findUser(id));
    if (unknown.length) return sendError(res, 400, 'UnknownUsers', `no such users: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? '…' : ''}`);
    const targets = userIds ? userIds.map((id) => state.findUser(id)!) : installable(ctx, count ?? 0);
    let installed = 0;
    const botAppId = state.directory.botClient.clientId;
    const consentedPermissions = consent ? state.catalogById.get(state.directory.heraldAppId)!.definition.resourceSpecificPermissions : [];
    const conversations: Array<{ userId: string; conversationId: string }> = [];
    for (const user of targets) {
      if (state.install('user', user.id, state.directory.heraldAppId, { silent: !notifyBot, consentedPermissions })) installed += 1;
      conversations.push({ userId: user.id, conversationId: state.personalConversation(user.id, botAppId).id });
    }
    // The conversations let a benchmark seed a bot's cache as if it had seen every install event.
    res.json({ installed, alreadyInstalled: targets.length - installed, conversations });
  });

  router.put('/graph-roles', (req, res) => {
    const body = GraphRoles.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'BadRequest', describeIssues(body.error));
    const { graphClient, botClient } = state.directory;
    const app = [graphClient, botClient].find((candidate) => candidate.clientId === (body.data.appId ?? graphClient.clientId).toLowerCase());
    if (!app) return sendError(res, 400, 'UnknownApp', `appId must be the Graph client's (${graphClient.clientId}) or the bot's (${botClient.clientId})`);
    // Changed in place: whoever holds the grant sees it. Like a real consent change, tokens already issued keep
    // the roles they were issued with.
    app.graphRoles.splice(0, app.graphRoles.length, ...new Set(body.data.roles));
    res.json({ roles: app.graphRoles });
  });

  router.put('/faults', (req, res) => {
    const body = FaultsConfig.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'BadRequest', describeIssues(body.error));
    try {
      applyUserFaults(state, body.data);
    } catch (error) {
      return sendError(res, 400, 'BadRequest', (error as Error).message);
    }
    ctx.faults = createFaults(body.data);
    res.json({ rules: body.data.rules?.length ?? 0 });
  });

  return router;
}

/** The first `count` users, in directory order, who could have Herald and do not yet. */
function installable(ctx: EmulatorContext, count: number): EmulatedUser[] {
  const { state } = ctx;
  const chosen: EmulatedUser[] = [];
  for (const user of state.directory.users) {
    if (chosen.length >= count) break;
    const eligible = user.hasTeamsLicense && !state.deletedUserIds.has(user.id) && !state.policyBlockedUserIds.has(user.id);
    if (eligible && !state.findInstallation(user.id, state.directory.heraldAppId)) chosen.push(user);
  }
  return chosen;
}
