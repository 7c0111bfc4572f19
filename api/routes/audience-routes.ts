import express, { type Router } from 'express';
import { z } from 'zod';
import { assertMayUse } from '../../core/admin/permissions';
import type { AdminDeps } from '../admin/admin-deps';
import { previewAudience } from '../admin/audience-preview';
import { audienceSchema, type SearchResult } from '../contract/audience';
import { route } from '../http/async-route';
import { roleOf, userOf } from '../http/request-context';
import { DRAFT_BODY_LIMIT } from './notification-routes';

const SEARCHABLE = ['user', 'group', 'team'] as const;
const TOP = 8;
const searchQuery = z.object({
  q: z.string().trim().max(100).default(''),
  kinds: z
    .string()
    .default(SEARCHABLE.join(','))
    .transform((text) => text.split(',').map((kind) => kind.trim()).filter(Boolean))
    .pipe(z.array(z.enum(SEARCHABLE))),
});

/**
 * `POST /api/audience/preview` and `GET /api/search`. Search answers without avatars: the tab shows initials,
 * because an `<img>` cannot carry the bearer token a photo proxy would need, and Graph photos are per-user calls.
 */
export function audienceRoutes(deps: AdminDeps): Router {
  const router = express.Router();
  router.post(
    '/api/audience/preview',
    express.json({ limit: DRAFT_BODY_LIMIT }),
    route(async (req, res) => {
      const audience = audienceSchema.parse(req.body);
      assertMayUse(roleOf(res), audience);
      const user = userOf(res);
      res.json(await previewAudience(deps, audience, user.upn || user.id));
    }),
  );
  router.get(
    '/api/search',
    route(async (req, res) => {
      const { q, kinds } = searchQuery.parse(req.query);
      const allowed = kinds.filter((kind) => roleOf(res).audienceKinds.includes(kind));
      if (q === '') return void res.json({ value: [] });
      const [people, groups, teams] = await Promise.all([
        allowed.includes('user') ? deps.directory.searchPeople(q, TOP) : [],
        allowed.includes('group') ? deps.directory.searchGroups(q, TOP) : [],
        allowed.includes('team') ? deps.directory.searchTeams(q, TOP) : [],
      ]);
      const value: SearchResult[] = [
        ...people.map((person) => ({ kind: 'user' as const, id: person.id, displayName: person.displayName, secondary: person.userPrincipalName })),
        ...groups.map((group) => ({ kind: 'group' as const, id: group.id, displayName: group.displayName, secondary: group.mail ?? '' })),
        ...teams.map((team) => ({ kind: 'team' as const, id: team.id, displayName: team.displayName, secondary: '' })),
      ];
      res.json({ value });
    }),
  );
  return router;
}
