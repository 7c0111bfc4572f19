import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { FaultService } from '../context';

/** Answers `status` with the error body the real service sends, so clients parse injected faults like real ones. */
export function sendServiceError(service: FaultService, status: number, req: Request, res: Response): void {
  if (service === 'graph') return void sendGraphError(status, req, res);
  if (service === 'entra') return void sendEntraError(status, res);
  res.status(status).json({ error: { code: 'ServiceError', message: `The service failed to process the request (injected ${status}).` } });
}

/** Graph's error shape (learn.microsoft.com/graph/errors); innerError's date has no zone, as Graph sends it. */
function sendGraphError(status: number, req: Request, res: Response): void {
  const requestId = randomUUID();
  const clientRequestId = req.header('client-request-id') ?? requestId;
  const unavailable = status === 503 || status === 504;
  res
    .status(status)
    .set({ 'request-id': requestId, 'client-request-id': clientRequestId })
    .json({
      error: {
        code: unavailable ? 'serviceNotAvailable' : 'generalException',
        message: unavailable ? 'The service is temporarily unavailable. Try the request again after a delay.' : 'An unspecified error has occurred.',
        innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': clientRequestId },
      },
    });
}

/** The OAuth 2.0 error shape Entra's token endpoint uses (RFC 6749 §5.2 codes plus Entra's diagnostics). */
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
