import type { Request, RequestHandler } from 'express';
import type { EmulatorContext, FaultService } from '../context';
import { sendServiceError } from './error-bodies';

const SERVICE_BY_PREFIX: Array<[string, FaultService]> = [
  ['/graph/', 'graph'],
  ['/smba/', 'connector'],
  ['/login/', 'entra'],
];

/** The Microsoft service a request is for, by its path prefix; the emulator's own tools are never faulted. */
export function serviceOf(path: string): FaultService | undefined {
  return SERVICE_BY_PREFIX.find(([prefix]) => path.startsWith(prefix))?.[1];
}

/**
 * Applies the configured faults before any router runs: waits `latencyMs`, then drops the connection, answers
 * a 5xx with the service's own error body, or lets the request through. Reads `ctx.faults` on every request,
 * so `PUT /_inspect/faults` takes effect at once.
 */
export function faultMiddleware(ctx: EmulatorContext): RequestHandler {
  return (req, res, next) => {
    const service = serviceOf(req.path);
    if (!service) return next();
    const fault = ctx.faults.pick(service, req.method, req.originalUrl);
    if (!fault) return next();
    ctx.log('fault injected', { rule: fault.ruleId, service, method: req.method, path: req.path });
    const act = (): void => {
      if (fault.drop) return dropConnection(req);
      if (fault.status === 429) ctx.counters.add(`${service}.429.injected`);
      if (fault.status !== undefined) return sendServiceError(service, fault.status, req, res, fault.retryAfterSeconds);
      next();
    };
    if (fault.latencyMs) setTimeout(act, fault.latencyMs);
    else act();
  };
}

/** What a client sees when a gateway gives up mid-request: the socket closes with no answer. */
function dropConnection(req: Request): void {
  req.socket.destroy();
}
