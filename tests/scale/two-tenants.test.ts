import type { Herald } from '../../app/compose-herald';
import { checkDeliveries } from './support/deliveries';
import { broadcastToEveryone, completed, freshInfrastructure, heraldEnv, preinstall, startTenant, startWorkers, stopAll, webServer, type Infrastructure, type Tenant } from './support/deployment';
import type { WorkerProcess } from './support/worker-process';

/**
 * Two tenants (two emulators) on one PostgreSQL database and one Redis, as a provider hosting both would run
 * them: each tenant's workers hold its credentials and claim only its recipients, its limits are its own
 * call windows. A large broadcast in one never holds up a small one in the other.
 */
describe('two tenants sharing PostgreSQL and Redis', () => {
  let large: Tenant;
  let small: Tenant;
  let infra: Infrastructure;
  let webs: Herald[] = [];
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    [large, small] = await Promise.all([startTenant(2100, 23), startTenant(150, 24)]);
    infra = await freshInfrastructure();
    await preinstall(large, infra);
    await preinstall(small, infra);
    webs = [await webServer(large, infra), await webServer(small, infra)];
  });

  afterAll(async () => {
    await stopAll(workers);
    for (const web of webs) await web.close();
    await large?.emulator.stop();
    await small?.emulator.stop();
    await infra?.drop();
  });

  it('when a small broadcast starts while a large one runs in another tenant, then the small one finishes first and both are complete', async () => {
    const [largeWeb, smallWeb] = webs as [Herald, Herald];
    workers = [...(await startWorkers(2, heraldEnv(large, infra))), ...(await startWorkers(1, heraldEnv(small, infra)))];
    const largeId = await broadcastToEveryone(largeWeb, 'Large');
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const smallId = await broadcastToEveryone(smallWeb, 'Small');

    const smallDone = await completed(smallWeb, smallId);
    const largeNow = await largeWeb.store.notifications.get(largeId);
    expect(largeNow?.status).toBe('sending');
    const largeDone = await completed(largeWeb, largeId);
    expect(smallDone).toBeLessThan(largeDone);

    for (const [web, tenant, id] of [[largeWeb, large, largeId], [smallWeb, small, smallId]] as const) {
      const check = await checkDeliveries(web, tenant.inspect, id, tenant.deliverable);
      expect({ lost: check.lost, duplicated: check.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    }
  });
});
