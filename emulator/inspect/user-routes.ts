import { Router, type Response } from 'express';
import type { EmulatorContext } from '../context';
import type { EmulatedUser } from '../tenant/model';
import { notFound, sendError } from './http';
import { userView } from './views';

/**
 * What a person (or an admin) does to one user: install or remove Herald themselves, block the bot, leave the
 * company. Installing here is the user's own install in Teams, so the bot is told, as Teams tells it.
 */
export function userRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  const { state } = ctx;
  const heraldAppId = (): string => state.directory.heraldAppId;

  const withUser = (handler: (user: EmulatedUser, res: Response) => void) => (req: { params: { id: string } }, res: Response) => {
    const user = state.findUser(req.params.id);
    if (!user) return notFound(res, `no user "${req.params.id}" in the tenant (or the user was deleted)`);
    handler(user, res);
  };

  router.post('/users/:id/install', withUser((user, res) => {
    if (state.policyBlockedUserIds.has(user.id)) return sendError(res, 403, 'BlockedByPolicy', `${user.userPrincipalName} may not install Herald: the app permission policy blocks it`);
    if (!user.hasTeamsLicense) return sendError(res, 403, 'NoTeamsLicense', `${user.userPrincipalName} has no Teams licence`);
    // Installing in Teams shows the app's RSC permissions and grants them with the install.
    const declared = state.catalogById.get(state.directory.heraldAppId)!.definition.resourceSpecificPermissions;
    const installation = state.install('user', user.id, state.directory.heraldAppId, { consentedPermissions: declared });
    if (!installation) return sendError(res, 409, 'AlreadyInstalled', `Herald is already installed for ${user.userPrincipalName}`);
    res.status(201).json(installation);
  }));

  router.post('/users/:id/uninstall', withUser((user, res) => {
    const installation = state.findInstallation(user.id, heraldAppId());
    if (!installation) return notFound(res, `Herald is not installed for ${user.userPrincipalName}`);
    state.uninstall(user.id, installation.id);
    res.json(installation);
  }));

  router.post('/users/:id/block-bot', withUser((user, res) => {
    state.botBlockedUserIds.add(user.id);
    res.json(userView(state, user));
  }));

  router.post('/users/:id/unblock-bot', withUser((user, res) => {
    state.botBlockedUserIds.delete(user.id);
    res.json(userView(state, user));
  }));

  router.post('/users/:id/policy-block', withUser((user, res) => {
    state.policyBlockedUserIds.add(user.id);
    res.json(userView(state, user));
  }));

  router.post('/users/:id/delete', withUser((user, res) => {
    state.deletedUserIds.add(user.id);
    res.json({ ...userView(state, user), deleted: true });
  }));

  return router;
}
