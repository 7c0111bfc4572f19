import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { FaultService } from '../context';
import { sendFailure } from '../connector/errors';
import { GraphError, errorBody } from '../graph/errors';

/** Answers `status` with the error body the real service sends, so clients parse injected faults like real ones. */
export function sendServiceError(service: FaultService, status: number, req: Request, res: Response, retryAfterSeconds?: number): void {
  if (retryAfterSeconds !== undefined) res.set('Retry-After', String(retryAfterSeconds));
  if (service === 'graph') return sendGraphError(status, req, res);
  if (service === 'entra') return sendEntraError(status, res);
  if (status === 429) return sendFailure(res, { status, body: { error: { code: 'Throttled', message: 'Too many requests.' } } });
  if (status === 412) return sendFailure(res, { status, body: { error: { code: 'PreconditionFailed', message: 'Potential concurrency issue: another operation on this conversation is in progress.' } } });
  sendFailure(res, { status, body: { error: { code: 'ServiceError', message: 'An error has occurred.' } } });
}

/** Graph's codes from its errors page: `serviceNotAvailable` for 503 (and 504, which "may occur together with 503"). */
function sendGraphError(status: number, req: Request, res: Response): void {
  const requestId = randomUUID();
  const clientRequestId = req.header('client-request-id') ?? requestId;
  const unavailable = status === 503 || status === 504;
  const error = status === 429
    ? new GraphError(429, 'TooManyRequests', 'Please retry again later.')
    : status === 412
    ? new GraphError(412, 'PreconditionFailed', 'The precondition given in one or more of the request headers evaluated to false.')
    : unavailable
    ? new GraphError(status, 'serviceNotAvailable', 'The service is temporarily unavailable. Try the request again after a delay.')
    : new GraphError(status, 'generalException', 'An unspecified error has occurred.');
  res.status(status).set({ 'request-id': requestId, 'client-request-id': clientRequestId }).json(errorBody(error, { requestId, clientRequestId }));
}

/** The OAuth 2.0 error shape of Entra's token endpoint (RFC 6749 §5.2 codes plus Entra's diagnostics). */
function sendEntraError(status: number, res: Response): void {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = `${new Date().toISOString().slice(0, 19).replace('T', ' ')}Z`;
  res.status(status).json({
    error: status === 500 ? 'server_error' : 'temporarily_unavailable',
    error_description: `AADSTS90033: A transient error has occurred. Please try again.\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [90033],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  });
}
