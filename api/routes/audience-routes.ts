import express, { type Router } from 'express';
import { z } from 'zod';
import type { AdminDeps } from '../admin/admin-deps';
import { audienceSchema, type AudiencePreview, type SearchResult } from '../contract/audience';
import { actorOf } from '../http/actor-of';
import { route } from '../http/async-route';
import { roleOf } from '../http/request-context';
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
      const report = await deps.notifications.previewAudience(actorOf(res), audienceSchema.parse(req.body));
      const preview: AudiencePreview = {
        recipients: report.recipients,
        needInstall: report.needInstall,
        estimatedSeconds: report.estimatedSeconds,
        csvErrors: [
          ...report.csvRejected.map((row) => ({ row: row.row, value: row.value, message: row.reason })),
          ...report.unresolved.filter((entry) => entry.source === 'csv').map((entry) => ({ row: entry.row ?? 0, value: entry.value, message: entry.reason })),
        ],
      };
      res.json(preview);
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
