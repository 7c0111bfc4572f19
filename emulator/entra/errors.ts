import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

/** One Entra ID (AADSTS) failure: the OAuth error, the AADSTS number and its text. */
export interface EntraFailure {
  status: number;
  error: string;
  code: number;
  description: string;
}

/**
 * Answers in the token endpoint's error shape. The description carries the trace, correlation id and
 * timestamp lines exactly as Entra appends them (msal surfaces that text to the developer).
 */
export function sendEntraError(req: Request, res: Response, errorUriBase: string, failure: EntraFailure): void {
  const traceId = randomUUID();
  const correlationId = correlationOf(req);
  const timestamp = entraTimestamp(new Date());
  res.status(failure.status).json({
    error: failure.error,
    error_description: `AADSTS${failure.code}: ${failure.description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [failure.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${errorUriBase}/error?code=${failure.code}`,
  });
}

/** Entra echoes the caller's `client-request-id` (msal sends one) as the correlation id. */
function correlationOf(req: Request): string {
  const header = req.header('client-request-id');
  return header && /^[0-9a-f-]{36}$/i.test(header) ? header : randomUUID();
}

/** `2023-05-06 06:03:00Z`: Entra's timestamp format, seconds precision. */
function entraTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** The AADSTS failures the emulated authority produces, worded as Entra words them. */
export const failures = {
  invalidSecret: (clientId: string): EntraFailure => ({
    status: 401,
    error: 'invalid_client',
    code: 7000215,
    description: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
  }),
  missingSecret: (): EntraFailure => ({
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    description: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  unknownClient: (clientId: string, tenant: string): EntraFailure => ({
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    description: `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  }),
  unknownTenant: (tenant: string): EntraFailure => ({
    status: 400,
    error: 'invalid_request',
    code: 90002,
    description: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  }),
  missingParameter: (name: string): EntraFailure => ({
    status: 400,
    error: 'invalid_request',
    code: 900144,
    description: `The request body must contain the following parameter: '${name}'.`,
  }),
  scopeWithoutDefault: (scope: string): EntraFailure => ({
    status: 400,
    error: 'invalid_scope',
    code: 1002012,
    description: `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  }),
  unknownResource: (resource: string, tenant: string): EntraFailure => ({
    status: 400,
    error: 'invalid_resource',
    code: 500011,
    description: `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  }),
  unsupportedGrant: (grant: string): EntraFailure => ({
    status: 400,
    error: 'unsupported_grant_type',
    code: 70003,
    description: `The app requested an unsupported grant type '${grant}'.`,
  }),
  unknownUser: (tenantId: string): EntraFailure => ({
    status: 400,
    error: 'invalid_grant',
    code: 50034,
    description: `The user account {EUII Hidden} does not exist in the ${tenantId} directory. To sign into this application, the account must be added to the directory.`,
  }),
  disabledUser: (): EntraFailure => ({
    status: 400,
    error: 'invalid_grant',
    code: 50057,
    description: 'The user account is disabled.',
  }),
};
