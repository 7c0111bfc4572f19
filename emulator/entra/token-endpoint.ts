import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import type { EmulatedClientApp } from '../tenant/model';
import { BOTFRAMEWORK_RESOURCE, GRAPH_RESOURCE, issueAppToken } from './app-tokens';
import { failures, sendEntraError, type EntraFailure } from './errors';
import { resolveTenant, type ResolvedTenant } from './tenants';

const tokenForm = z.object({
  grant_type: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  scope: z.string().optional(),
});
type TokenForm = z.infer<typeof tokenForm>;

/** Graph's first-party app id, which Entra accepts in place of its URI. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** `POST /{tenant}/oauth2/v2.0/token`: the client-credentials grant with a client secret. */
export function tokenEndpoint(ctx: EmulatorContext): RequestHandler {
  return (req, res, next) => {
    const fail = (failure: EntraFailure): void => sendEntraError(req, res, ctx.urls.authorityBaseUrl, failure);
    const segment = String(req.params.tenant);
    const tenant = resolveTenant(ctx, segment);
    if (!tenant) return fail(failures.unknownTenant(segment));
    const parsed = tokenForm.safeParse(typeof req.body === 'object' && req.body ? req.body : {});
    if (!parsed.success) return fail(failures.missingParameter('grant_type'));
    const form = withBasicCredentials(req, parsed.data);
    const outcome = checkRequest(ctx, tenant, form);
    if ('failure' in outcome) return fail(outcome.failure);
    issueAppToken(ctx, outcome.client, outcome.resource, tenant)
      .then((token) => sendToken(res, token))
      .catch(next);
  };
}

type Checked = { client: EmulatedClientApp; resource: string } | { failure: EntraFailure };

function checkRequest(ctx: EmulatorContext, tenant: ResolvedTenant, form: TokenForm): Checked {
  if (!form.grant_type) return { failure: failures.missingParameter('grant_type') };
  if (form.grant_type !== 'client_credentials') return { failure: failures.unsupportedGrant(form.grant_type) };
  if (!form.client_id) return { failure: failures.missingParameter('client_id') };
  const client = registeredClient(ctx, tenant, form.client_id);
  if (!client) return { failure: failures.unknownClient(form.client_id, tenant.segment) };
  if (!form.client_secret) return { failure: failures.missingSecret() };
  if (form.client_secret !== client.clientSecret) return { failure: failures.invalidSecret(client.clientId) };
  if (!form.scope) return { failure: failures.missingParameter('scope') };
  const resource = resourceOf(form.scope);
  if ('failure' in resource) return resource;
  if (resource.resource !== GRAPH_RESOURCE && resource.resource !== BOTFRAMEWORK_RESOURCE) {
    return { failure: failures.unknownResource(resource.resource, tenant.segment) };
  }
  return { client, resource: resource.resource };
}

/** The Bot Framework tenant knows only the (multi-tenant) bot; the customer tenant knows both registrations. */
function registeredClient(ctx: EmulatorContext, tenant: ResolvedTenant, clientId: string): EmulatedClientApp | undefined {
  const { graphClient, botClient } = ctx.state.directory;
  const known = tenant.isBotFramework ? [botClient] : [graphClient, botClient];
  return known.find((client) => client.clientId.toLowerCase() === clientId.toLowerCase());
}

/** Client credentials take exactly one `{resource}/.default` scope. */
function resourceOf(scope: string): { resource: string } | { failure: EntraFailure } {
  const scopes = scope.split(' ').filter(Boolean);
  const first = scopes[0] ?? scope;
  if (scopes.length !== 1 || !first.endsWith('/.default')) return { failure: failures.scopeWithoutDefault(scope) };
  const resource = first.slice(0, -'/.default'.length).replace(/\/+$/, '');
  return { resource: resource.toLowerCase() === GRAPH_APP_ID ? GRAPH_RESOURCE : resource };
}

/** `client_secret_basic`: Entra also accepts the credentials in an HTTP Basic header. */
function withBasicCredentials(req: Request, form: TokenForm): TokenForm {
  const header = req.header('authorization');
  if (!header?.toLowerCase().startsWith('basic ')) return form;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return form;
  return {
    ...form,
    client_id: form.client_id ?? decodeURIComponent(decoded.slice(0, colon)),
    client_secret: form.client_secret ?? decodeURIComponent(decoded.slice(colon + 1)),
  };
}

function sendToken(res: Response, token: unknown): void {
  res.set('Cache-Control', 'no-store, no-cache').set('Pragma', 'no-cache').status(200).json(token);
}
