import express, { type Router } from 'express';
import type { Administration } from '../../core/roles/administration';
import type { Me } from '../contract/admin';
import { actorOf } from '../http/actor-of';
import { route } from '../http/async-route';

/** `GET /api/me`: any signed-in user of an allowed tenant, so a refused user learns whom to ask. */
export function meRoutes(administration: Administration): Router {
  const router = express.Router();
  router.get(
    '/api/me',
    route(async (_req, res) => {
      const actor = actorOf(res);
      const { role, admins } = await administration.standing(actor);
      const me: Me = {
        user: { id: actor.userId, displayName: actor.displayName, upn: actor.upn },
        roles: role ? (role.role === 'admin' ? ['admin', 'sender'] : ['sender']) : [],
        allowedAudienceKinds: role?.audienceKinds ?? [],
        admins: admins.map((item) => `${item.displayName} (${item.upn})`),
      };
      res.json(me);
    }),
  );
  return router;
}
