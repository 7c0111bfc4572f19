import express, { Router } from 'express';
import path from 'node:path';
import type { EmulatorContext } from '../context';
import { apiRoutes } from './api-routes';
import { LiveEvents } from './live-events';
import { composeRoutes } from './compose-routes';
import { tabHostRoutes } from './tab-host-routes';

const PUBLIC_DIR = path.join(__dirname, 'public');

/**
 * `/teams`: a small web Teams client for the emulated tenant (see README.md beside this file). Static files,
 * the Adaptive Cards renderer from node_modules, and a JSON API with server-sent events.
 */
export function teamsClientRouter(ctx: EmulatorContext): Router {
  const router = Router();
  // Relative URLs in the page need the trailing slash.
  router.get('/', (req, res, next) => (req.originalUrl.split('?')[0]!.endsWith('/') ? next() : res.redirect(301, `${req.baseUrl}/`)));
  router.get('/vendor/adaptivecards.min.js', (_req, res) => res.sendFile(require.resolve('adaptivecards/dist/adaptivecards.min.js')));
  // The Markdown subset of TextBlocks, rendered by the same library and rules as Herald's preview (cards.js says which).
  router.get('/vendor/markdown-it.min.js', (_req, res) => res.sendFile(require.resolve('markdown-it/dist/markdown-it.min.js')));
  router.use('/api/tab', tabHostRoutes(ctx));
  router.use('/api/compose-extension', composeRoutes(ctx));
  router.use('/api', apiRoutes(ctx, new LiveEvents(ctx.state)));
  router.use(express.static(PUBLIC_DIR, { index: 'index.html' }));
  return router;
}
