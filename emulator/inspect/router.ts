import express, { Router, type ErrorRequestHandler } from 'express';
import type { EmulatorContext } from '../context';
import { adminRoutes } from './admin-routes';
import { readRoutes } from './read-routes';
import { readingRoutes } from './reading-routes';
import { userRoutes } from './user-routes';
import { sendError } from './http';

/**
 * `/_inspect`: the emulator's own loopback tool for tests and benchmarks (no auth, JSON). It reads and sets up
 * the tenant's state; nothing Microsoft serves lives here.
 */
export function inspectRouter(ctx: EmulatorContext): Router {
  const router = Router();
  router.use(express.json({ limit: '20mb' }));
  router.use(readRoutes(ctx));
  router.use(userRoutes(ctx));
  router.use(readingRoutes(ctx));
  router.use(adminRoutes(ctx));
  router.use(jsonErrors);
  return router;
}

/** A malformed body gets the same JSON error shape as every other answer here, not Express's HTML page. */
const jsonErrors: ErrorRequestHandler = (error: { status?: number; message?: string }, _req, res, _next) => {
  const status = error.status ?? 500;
  sendError(res, status, status === 400 ? 'BadRequest' : 'InternalError', error.message ?? 'unexpected error');
};
