import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { EmulatorContext, TabSettings } from '../context';
import { issueSsoToken, SsoError } from '../entra/sso';
import { hostedTab, tabWireContext, type HostedTab } from './tab-context';

const TabSettingsBody = z.object({ url: z.string().url(), resource: z.string().startsWith('api://').optional() }).nullable();
const TokenRequest = z.object({ userId: z.string().min(1), tab: z.string().optional() });

const fail = (res: Response, status: number, message: string): void => void res.status(status).json({ error: { message } });

/**
 * `/teams/api/tab`: what the web client needs to host a personal tab as Teams does (see README.md beside this file).
 * The page speaks teams-js' postMessage protocol itself; these routes give it the tab, the context and the tokens.
 */
export function tabHostRoutes(ctx: EmulatorContext): Router {
  const router = Router();
  router.use(express.json({ limit: '16kb' }));

  /** The tab to frame; `?tab=` (the page's own `?tab=`) overrides the configured URL. */
  router.get('/', (req, res) => {
    const tab = tabFor(String(req.query.tab ?? ''));
    if (!tab) return fail(res, 404, 'No tab is configured: start the emulator with --tab-url, or open the client with ?tab=<url>.');
    res.json(tab);
  });

  /** Points the client at a tab served after the emulator started (another process); `null` removes it. */
  router.put('/', (req, res) => {
    const body = TabSettingsBody.safeParse(req.body ?? null);
    if (!body.success) return fail(res, 400, 'Send { "url": "http(s)://…", "resource"?: "api://…" } or null');
    ctx.tab = body.data ?? undefined;
    res.json(hostedTab(ctx, ctx.tab) ?? null);
  });

  /** `getContext`'s answer for the signed-in user. */
  router.get('/context', (req, res) => {
    const user = ctx.state.findUser(String(req.query.userId ?? ''));
    if (!user) return fail(res, 404, 'No such user');
    const tab = tabFor(String(req.query.tab ?? ''));
    if (!tab) return fail(res, 404, 'No tab is configured');
    res.json({ context: tabWireContext(ctx, user, tab) });
  });

  /** `authentication.getAuthToken`'s answer: the SSO token Entra gives Teams for this user and the tab's resource. */
  router.post('/token', async (req, res, next) => {
    const body = TokenRequest.safeParse(req.body);
    if (!body.success) return fail(res, 400, 'userId is needed');
    const tab = tabFor(body.data.tab ?? '');
    if (!tab) return fail(res, 404, 'No tab is configured');
    try {
      res.json({ token: await issueSsoToken(ctx, body.data.userId, tab.resource) });
    } catch (error) {
      if (error instanceof SsoError) return fail(res, 403, error.message);
      next(error);
    }
  });

  /** The configured tab, or the page's `?tab=` (keeping the configured resource when it is the same app). */
  function tabFor(override: string): HostedTab | undefined {
    if (!override) return hostedTab(ctx, ctx.tab);
    const settings: TabSettings = { url: override };
    const configured = hostedTab(ctx, ctx.tab);
    try {
      if (configured && new URL(override).origin === configured.origin) settings.resource = configured.resource;
    } catch {
      return undefined;
    }
    return hostedTab(ctx, settings);
  }

  return router;
}
