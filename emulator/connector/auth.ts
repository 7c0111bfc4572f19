import type { RequestHandler } from 'express';
import type { EmulatorContext } from '../context';
import { BOTFRAMEWORK_TENANT_ID } from '../entra/tenants';
import { connectorFailures, sendFailure } from './errors';

const AUDIENCE = 'https://api.botframework.com';

/**
 * Accepts only a Bot Framework token of the registered bot: audience `https://api.botframework.com`, issued by
 * the Bot Framework tenant (multi-tenant bots) or the customer tenant (single-tenant bots), `appid` the bot.
 * Sets `res.locals.botAppId`.
 */
export function requireBotToken(ctx: EmulatorContext): RequestHandler {
  const botAppId = ctx.state.directory.botClient.clientId;
  const issuers = new Set(
    [BOTFRAMEWORK_TENANT_ID, ctx.state.tenantId].flatMap((tid) => [
      `https://sts.windows.net/${tid}/`,
      `https://login.microsoftonline.com/${tid}/v2.0`,
      `${ctx.urls.authorityBaseUrl}/${tid}/v2.0`,
    ]),
  );
  return (req, res, next) => {
    const header = req.header('authorization') ?? '';
    const token = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : '';
    if (!token) return sendFailure(res, connectorFailures.unauthorized());
    ctx.signing
      .verify(token)
      .then((claims) => {
        const appId = claims.appid ?? claims.azp;
        const valid = claims.aud === AUDIENCE && appId === botAppId && issuers.has(String(claims.iss));
        if (!valid) return sendFailure(res, connectorFailures.unauthorized());
        res.locals.botAppId = botAppId;
        next();
      })
      .catch(() => sendFailure(res, connectorFailures.unauthorized()));
  };
}
