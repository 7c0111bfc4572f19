import { checkDeliveries } from './support/deliveries';
import { broadcastToEveryone, completed, heraldEnv, oneTenantDeployment, startWorkers } from './support/deployment';

/**
 * Three `npm run worker` processes on one PostgreSQL database and one Redis deliver a broadcast of about 3,000
 * people against the emulator's real limits: the tenant-wide 50 sends/s hold across the three together.
 */
describe('three workers sharing PostgreSQL and Redis', () => {
  const deployment = oneTenantDeployment(3150, 21);

  it('when three workers deliver 3,000 recipients, then each gets the card exactly once and at most 1% of sends are answered 429', async () => {
    const { tenant, infra, web } = deployment;
    expect(tenant.deliverable.length).toBeGreaterThanOrEqual(2900);
    const workers = (deployment.workers = await startWorkers(3, heraldEnv(tenant, infra)));
    const startedAt = Date.now();
    const notificationId = await broadcastToEveryone(web, 'Three workers');
    const seconds = ((await completed(web, notificationId)) - startedAt) / 1000;

    const check = await checkDeliveries(web, tenant.inspect, notificationId, tenant.deliverable);
    // The figures, for the log (CI keeps them); only the share of 429s is asserted.
    const share = check.throttledSends / check.sends;
    process.stdout.write(
      `three workers: ${check.once} recipients in ${seconds.toFixed(1)} s (${(check.once / seconds).toFixed(1)}/s); ` +
        `${check.throttledSends} of ${check.sends} sends answered 429 (${(share * 100).toFixed(2)}%)\n`,
    );
    expect({ lost: check.lost, duplicated: check.duplicated, once: check.once }).toEqual({ lost: 0, duplicated: 0, once: tenant.deliverable.length });
    expect(share).toBeLessThanOrEqual(0.01);

    // Every worker took part, and each says so on /metrics.
    const sent = await Promise.all(workers.map(async (worker) => sentBy(await (await fetch(`${worker.url}/metrics`)).text())));
    expect(sent.every((count) => count > 0)).toBe(true);
    expect(sent.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(tenant.deliverable.length);
  });

  it('when a worker is asked, then it is alive and ready', async () => {
    for (const worker of deployment.workers) {
      expect((await fetch(`${worker.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${worker.url}/readyz`)).status).toBe(200);
    }
  });
});

function sentBy(metrics: string): number {
  const line = metrics.split('\n').find((row) => row.startsWith('herald_calls_total{') && row.includes('operation="send"') && row.includes('outcome="ok"'));
  return line ? Number(line.split(' ').pop()) : 0;
}
