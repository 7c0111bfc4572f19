import express, { type Router } from 'express';
import { z } from 'zod';
import type { AdminDeps } from '../admin/admin-deps';
import type { Senders } from '../admin/senders';
import { senderUpdateSchema, type AuditPage } from '../contract/admin';
import { route } from '../http/async-route';
import { userOf } from '../http/request-context';

const auditQuery = z.object({
  after: z.string().regex(/^\d+$/, 'must be the `next` value of the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Administrators only: the senders and their permissions, and the audit log. */
export function adminRoutes(deps: AdminDeps, senders: Senders): Router {
  const router = express.Router();
  router.get('/api/senders', route(async (_req, res) => void res.json({ value: await senders.list(userOf(res).tenantId) })));
  router.put(
    '/api/senders/:userId',
    express.json({ limit: '16kb' }),
    route(async (req, res) => void res.json(await senders.update(userOf(res), req.params.userId!, senderUpdateSchema.parse(req.body)))),
  );
  router.get(
    '/api/audit',
    route(async (req, res) => {
      const query = auditQuery.parse(req.query);
      const entries = await deps.admin.audit.page(userOf(res).tenantId, query.after === undefined ? undefined : Number(query.after), query.limit);
      const page: AuditPage = {
        value: entries.map((entry) => ({ at: new Date(entry.at).toISOString(), actor: entry.actor, action: entry.action, target: entry.target, details: entry.details ?? {} })),
        next: entries.length === query.limit ? String(entries[entries.length - 1]!.id) : null,
      };
      res.json(page);
    }),
  );
  return router;
}
