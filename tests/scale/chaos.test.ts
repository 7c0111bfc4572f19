import { DEFAULT_ENGINE_CONFIG } from '../../core/delivery/engine-config';
import { checkDeliveries } from './support/deliveries';
import { broadcastToEveryone, completed, heraldEnv, oneTenantDeployment, startWorkers } from './support/deployment';
import { restartPostgres, restartRedis } from './support/services';
import { startWorker } from './support/worker-process';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The broadcast survives what happens to a real deployment: a worker killed outright, Redis restarted with
 * nothing kept (every job and call window gone), PostgreSQL restarted (every connection cut).
 */
describe('a scaled-out broadcast under failures', () => {
  const deployment = oneTenantDeployment(2100, 22);

  it('when a worker is SIGKILLed, Redis loses everything and PostgreSQL restarts mid-run, then the broadcast completes with nothing lost', async () => {
    const { tenant, infra, web } = deployment;
    const env = heraldEnv(tenant, infra);
    const workers = (deployment.workers = await startWorkers(3, env));
    const notificationId = await broadcastToEveryone(web, 'Chaos');

    await pause(8000);
    workers[0]!.child.kill('SIGKILL');
    await workers[0]!.exited;
    await pause(5000);
    await restartRedis();
    await pause(5000);
    await restartPostgres();
    // A replacement worker, as an orchestrator would start one.
    workers[0] = await startWorker(env);
    await completed(web, notificationId);

    const check = await checkDeliveries(web, tenant.inspect, notificationId, tenant.deliverable);
    expect(check.lost).toBe(0);
    expect(check.once + check.duplicated).toBe(tenant.deliverable.length);
    // Only sends on the wire (or answered and not yet written) when the worker died may be repeated.
    expect(check.duplicated).toBeLessThanOrEqual(DEFAULT_ENGINE_CONFIG.maxSendsInFlight);
  });
});
