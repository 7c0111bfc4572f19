import { Router } from 'express';
import type { EmulatorContext } from '../context';
import { activityView, allInstallations, conversationView, userMatches, userView } from './views';
import { notFound, pageOf } from './http';

/** Read-only views of the emulated tenant, for tests and benchmarks. */
export function readRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  const { state } = ctx;

  router.get('/summary', (_req, res) => {
    const installations = allInstallations(state);
    let activities = 0;
    let botActivities = 0;
    const conversations = state.allConversations();
    for (const conversation of conversations) {
      activities += conversation.activities.length;
      for (const activity of conversation.activities) if (activity.from === 'bot') botActivities += 1;
    }
    res.json({
      tenantId: state.tenantId,
      users: state.directory.users.length,
      limits: { enabled: ctx.limits.enabled },
      counters: ctx.counters.snapshot(),
      throttled: ctx.limits.throttled(),
      faultsInjected: ctx.faults.injected(),
      installations: {
        total: installations.length,
        user: installations.filter((installation) => installation.scope === 'user').length,
        team: installations.filter((installation) => installation.scope === 'team').length,
        herald: installations.filter((installation) => installation.teamsAppId === state.directory.heraldAppId).length,
      },
      conversations: conversations.length,
      activities: { total: activities, fromBot: botActivities, fromUser: activities - botActivities },
    });
  });

  router.get('/conversations', (req, res) => {
    const type = typeof req.query.type === 'string' ? req.query.type : undefined;
    const all = state.allConversations().filter((conversation) => !type || conversation.type === type);
    const { skip, top } = pageOf(req, all.length);
    res.json({ total: all.length, conversations: all.slice(skip, skip + top).map(conversationView) });
  });

  router.get('/conversations/:id/activities', (req, res) => {
    const conversation = state.conversations.get(req.params.id);
    if (!conversation) return notFound(res, `no conversation "${req.params.id}"`);
    res.json({ conversation: conversationView(conversation), activities: conversation.activities.map(activityView) });
  });

  router.get('/users', (req, res) => {
    const search = typeof req.query.search === 'string' ? req.query.search.trim() : '';
    const users = search ? state.directory.users.filter((user) => userMatches(user, search)) : state.directory.users;
    const { skip, top } = pageOf(req, 100);
    res.json({ total: users.length, users: users.slice(skip, skip + top).map((user) => userView(state, user)) });
  });

  router.get('/directory', (_req, res) => {
    res.json({
      tenantId: state.tenantId,
      heraldAppId: state.directory.heraldAppId,
      groups: state.directory.groups.map((group) => ({
        id: group.id,
        displayName: group.displayName,
        memberUsers: group.memberUserIds.length,
        memberGroups: group.memberGroupIds.length,
      })),
      teams: state.directory.teams.map((team) => ({
        id: team.id,
        displayName: team.displayName,
        members: team.members.length,
        owners: team.members.filter((member) => member.roles.includes('owner')).length,
        channels: team.channels.map((channel) => ({ id: channel.id, displayName: channel.displayName })),
      })),
    });
  });

  router.get('/installations', (req, res) => {
    const scope = req.query.scope;
    const installations = allInstallations(state).filter((installation) => !scope || installation.scope === scope);
    res.json({ total: installations.length, installations });
  });

  return router;
}
