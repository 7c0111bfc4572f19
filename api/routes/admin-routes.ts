import express, { type Router } from 'express';
import { z } from 'zod';
import type { RoleRecord } from '../../core/admin/admin-store';
import type { Administration } from '../../core/roles/administration';
import { senderUpdateSchema, type AuditPage, type Sender } from '../contract/admin';
import { actorOf } from '../http/actor-of';
import { route } from '../http/async-route';

const auditQuery = z.object({
  after: z.string().regex(/^\d+$/, 'must be the `next` value of the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Administrators only (core decides): the senders and their permissions, and the audit log. */
export function adminRoutes(administration: Administration): Router {
  const router = express.Router();
  router.get('/api/senders', route(async (_req, res) => void res.json({ value: (await administration.senders(actorOf(res))).map(senderOf) })));
  router.put(
    '/api/senders/:userId',
    express.json({ limit: '16kb' }),
    route(async (req, res) => {
      const update = senderUpdateSchema.parse(req.body);
      const { person, role } = await administration.setRole(actorOf(res), req.params.userId!, { role: update.role, audienceKinds: update.allowedAudienceKinds });
      res.json(role ? senderOf(role) : { userId: person.id, upn: person.upn, displayName: person.displayName, role: 'none', allowedAudienceKinds: [] });
    }),
  );
  router.get(
    '/api/audit',
    route(async (req, res) => {
      const query = auditQuery.parse(req.query);
      const entries = await administration.auditPage(actorOf(res), query.after === undefined ? undefined : Number(query.after), query.limit);
      const page: AuditPage = {
        value: entries.map((entry) => ({ at: new Date(entry.at).toISOString(), actor: entry.actor, action: entry.action, target: entry.target, details: entry.details ?? {} })),
        next: entries.length === query.limit ? String(entries[entries.length - 1]!.id) : null,
      };
      res.json(page);
    }),
  );
  return router;
}

function senderOf(record: RoleRecord): Sender {
  return { userId: record.userId, upn: record.upn, displayName: record.displayName, role: record.role, allowedAudienceKinds: record.audienceKinds };
}
