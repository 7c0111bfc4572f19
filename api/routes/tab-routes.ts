import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { z } from 'zod';
import { isLoopbackHost } from '../../config/env';
import type { TabConfig } from '../contract/admin';
import { route } from '../http/async-route';
import { sendError } from '../http/error-answer';
import { PRIVACY_HTML, TERMS_HTML } from './legal-pages';

export const TAB_DIST = path.resolve(__dirname, '..', '..', 'tabs', 'dist');

/** Where Microsoft's hosts frame tabs from (Microsoft Learn, "Prerequisites" for tabs: frame-ancestors). */
const MICROSOFT_HOSTS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

export interface TabRouteOptions {
  /** The resource the tab asks tokens for (the manifest's `webApplicationInfo.resource`). */
  resource: () => string;
  /** Local mode only: the emulator's SSO door, the default user, and the Teams client's origin. */
  emulator?: { ssoTokenUrl: string; defaultUpn: string; teamsClientOrigin: string };
}

const ssoBody = z.object({ upn: z.string().min(1).max(200).optional(), userId: z.string().min(1).max(200).optional(), resource: z.string().min(1).max(300) });

/**
 * The tab itself at `/tab/` (the Vite build), `/api/tab-config` (how it signs in; no token), the privacy and
 * terms pages, and, in local mode, a same-origin door to the emulator's SSO tokens (the browser cannot call the
 * emulator across origins, and the tab needs no CORS exception then).
 */
export function tabRoutes(options: TabRouteOptions): Router {
  const router = express.Router();
  // A person may open the emulator's client as 127.0.0.1 or as localhost: both may frame and talk to the tab.
  const emulatorOrigins = options.emulator ? loopbackAliases(options.emulator.teamsClientOrigin) : [];
  const hosts = [...MICROSOFT_HOSTS, ...emulatorOrigins];
  const framed = helmet({
    frameguard: false,
    contentSecurityPolicy: {
      directives: {
        'frame-ancestors': ["'self'", ...hosts],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', 'https:', ...(options.emulator ? ['http://localhost:*', 'http://127.0.0.1:*'] : [])],
        'connect-src': ["'self'", 'https://res.cdn.office.net', ...(options.emulator ? [new URL(options.emulator.ssoTokenUrl).origin] : [])],
      },
    },
  });

  router.get('/api/tab-config', (req, res) => {
    const origin = `${req.protocol}://${req.get('host')}`;
    const config: TabConfig = {
      standalone: options.emulator ? { ssoTokenUrl: `${origin}/api/_emulator/sso-token`, resource: options.resource(), defaultUpn: options.emulator.defaultUpn } : null,
      teamsHostOrigins: emulatorOrigins,
    };
    res.set('Cache-Control', 'no-store').json(config);
  });
  if (options.emulator) {
    const target = options.emulator.ssoTokenUrl;
    router.post(
      '/api/_emulator/sso-token',
      loopbackOnly,
      express.json({ limit: '4kb' }),
      route(async (req, res) => {
        const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ssoBody.parse(req.body)) });
        res.status(answer.status).set('Cache-Control', 'no-store').type('application/json').send(await answer.text());
      }),
    );
  }
  router.get('/privacy.html', framed, (_req, res) => void res.type('html').send(PRIVACY_HTML));
  router.get('/terms.html', framed, (_req, res) => void res.type('html').send(TERMS_HTML));
  router.get('/tab', (_req, res) => res.redirect(301, '/tab/'));
  router.use('/tab', framed, (req, res, next) => {
    if (existsSync(path.join(TAB_DIST, 'index.html'))) return next();
    sendError(res, 503, 'tab_not_built', 'The admin tab is not built; run `npm run build:tab` (npm start does it for you).');
  });
  router.use('/tab', precompressed(TAB_DIST));
  router.use(
    '/tab',
    express.static(TAB_DIST, {
      index: 'index.html',
      setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControl(file)),
    }),
  );
  return router;
}

/** Vite names assets by content hash: they never change; index.html must always be fresh. */
function cacheControl(file: string): string {
  return file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable';
}

/**
 * Answers with the build's Brotli or gzip copy (written beside each asset by tabs/vite-plugins/precompress.ts) when
 * the browser accepts it: the tab's JavaScript travels at a fifth of its size, compressed once at build time.
 * Anything without a copy falls through to express.static.
 */
function precompressed(root: string): RequestHandler {
  const types: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' };
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const relative = decodeURIComponent(req.path === '/' ? '/index.html' : req.path);
    const file = path.join(root, relative);
    const type = types[path.extname(file)];
    if (!type || !file.startsWith(root + path.sep)) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) && existsSync(`${file}.br`) ? 'br' : /\bgzip\b/.test(accepted) && existsSync(`${file}.gz`) ? 'gzip' : undefined;
    res.vary('Accept-Encoding');
    if (!encoding) return next();
    res.set({ 'Content-Type': type, 'Content-Encoding': encoding, 'Cache-Control': cacheControl(file) });
    res.sendFile(`${file}.${encoding === 'br' ? 'br' : 'gz'}`, { headers: { 'Content-Type': type } }, (error) => error && next(error));
  };
}

/**
 * The local sign-in door signs anyone in as anyone: it answers only a caller on this machine (the socket's peer,
 * not a forwarded header) that named this machine in its Host header, so a web page elsewhere cannot reach it
 * through DNS rebinding either.
 */
const loopbackOnly: RequestHandler = (req, res, next) => {
  const host = hostnameOf(req.get('host') ?? '');
  if (isLoopbackHost(req.socket.remoteAddress ?? '') && host !== undefined && isLoopbackHost(host)) return next();
  sendError(res, 403, 'forbidden', 'The local sign-in door answers only on this machine, at localhost or 127.0.0.1.');
};

/** The host name of a Host header (`127.0.0.1:3978`, `[::1]:3978`, `localhost`). */
function hostnameOf(header: string): string | undefined {
  try {
    return new URL(`http://${header}`).hostname;
  } catch {
    return undefined;
  }
}

/** `http://127.0.0.1:4100` and `http://localhost:4100` name the same emulator. */
function loopbackAliases(origin: string): string[] {
  const url = new URL(origin);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return [origin];
  return ['127.0.0.1', 'localhost'].map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
}
