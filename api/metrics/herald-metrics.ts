import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Herald's Prometheus metrics, one registry per process (a worker or a web server is scraped on its own).
 * Counters are per process; sum them across processes in Prometheus (`sum(rate(herald_calls_total[1m]))`).
 */
export interface HeraldMetrics {
  registry: Registry;
  /** Every Graph and Connector call by service, operation and outcome (`ok`, `throttled`, `failed`). */
  calls: Counter<'service' | 'operation' | 'outcome'>;
  /** Failed calls by HTTP status (0: transport failure), 429s included. */
  failures: Counter<'service' | 'operation' | 'status'>;
  /** Recipients of sending notifications per state (the queue depth SQL holds: pending + ready are waiting). */
  recipients: Gauge<'state'>;
  /** Wake-up jobs in the BullMQ queue per state. */
  queueJobs: Gauge<'state'>;
  /** 1 while the shared rate limit runs on the local fallback (Redis unreachable). */
  rateLimitDegraded: Gauge;
}

export function createHeraldMetrics(): HeraldMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'herald_process_' });
  return {
    registry,
    calls: new Counter({ name: 'herald_calls_total', help: 'Graph and Bot Connector calls by outcome', labelNames: ['service', 'operation', 'outcome'], registers: [registry] }),
    failures: new Counter({ name: 'herald_call_failures_total', help: 'Failed Graph and Bot Connector calls by HTTP status (429 included)', labelNames: ['service', 'operation', 'status'], registers: [registry] }),
    recipients: new Gauge({ name: 'herald_recipients', help: 'Recipients of notifications being sent, by state', labelNames: ['state'], registers: [registry] }),
    queueJobs: new Gauge({ name: 'herald_queue_jobs', help: 'Wake-up jobs in the work queue, by state', labelNames: ['state'], registers: [registry] }),
    rateLimitDegraded: new Gauge({ name: 'herald_rate_limit_degraded', help: '1 while the shared rate limit is unavailable (Redis) and a local share is used', registers: [registry] }),
  };
}
