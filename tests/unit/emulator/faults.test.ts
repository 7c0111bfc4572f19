import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyUserFaults, createFaults, loadFaultsFile, FaultsConfig } from '../../../emulator/faults/faults';
import { seedDirectory } from '../../../emulator/tenant/seed';
import { TenantState } from '../../../emulator/tenant/state';

const graphGets = (faults: ReturnType<typeof createFaults>, count: number): Array<number | undefined> =>
  Array.from({ length: count }, () => faults.pick('graph', 'GET', '/graph/v1.0/users')?.status);

describe('faults', () => {
  const random: FaultsConfig = { seed: 5, rules: [{ id: 'flaky', service: 'graph', status: 503, probability: 0.3 }] };

  it('when the seed is the same, then the same requests fail', () => {
    const first = graphGets(createFaults(random), 200);
    const second = graphGets(createFaults(random), 200);
    expect(second).toEqual(first);
    const failures = first.filter((status) => status === 503).length;
    expect(failures).toBeGreaterThan(30);
    expect(failures).toBeLessThan(90);
  });

  it('when the seed differs, then a different set of requests fails', () => {
    expect(graphGets(createFaults({ ...random, seed: 6 }), 200)).not.toEqual(graphGets(createFaults(random), 200));
  });

  it('when reset, then the sequence starts again and the counts clear', () => {
    const faults = createFaults(random);
    const first = graphGets(faults, 50);
    expect(faults.injected().flaky).toBe(first.filter(Boolean).length);
    faults.reset();
    expect(faults.injected()).toEqual({});
    expect(graphGets(faults, 50)).toEqual(first);
  });

  it('when a rule is scheduled after 2 for 3 times, then requests 3 to 5 fail and no others', () => {
    const faults = createFaults({ rules: [{ service: 'connector', status: 502, schedule: { after: 2, times: 3 } }] });
    const statuses = Array.from({ length: 8 }, () => faults.pick('connector', 'POST', '/smba/amer/v3/conversations/a/activities')?.status);
    expect(statuses).toEqual([undefined, undefined, 502, 502, 502, undefined, undefined, undefined]);
    expect(faults.injected()).toEqual({ 'connector-1': 3 });
  });

  it('when a rule fires every third request, then the 3rd, 6th and 9th fail', () => {
    const faults = createFaults({ rules: [{ id: 'third', service: 'any', status: 500, schedule: { every: 3 } }] });
    const failed = Array.from({ length: 9 }, (_, i) => (faults.pick('entra', 'POST', '/login/t/oauth2/v2.0/token') ? i + 1 : 0)).filter(Boolean);
    expect(failed).toEqual([3, 6, 9]);
  });

  it('when a rule names a method and a path, then only those requests are faulted', () => {
    const faults = createFaults({ rules: [{ service: 'graph', method: 'post', path: '/teamwork/installedApps$', drop: true }] });
    expect(faults.pick('graph', 'GET', '/graph/v1.0/users/u/teamwork/installedApps')).toBeUndefined();
    expect(faults.pick('connector', 'POST', '/smba/amer/teamwork/installedApps')).toBeUndefined();
    expect(faults.pick('graph', 'POST', '/graph/v1.0/users/u/teamwork/installedApps')).toEqual({ ruleId: 'graph-1', drop: true });
  });

  it('when latency and a status are configured, then both are in the decision', () => {
    const faults = createFaults({ rules: [{ id: 'slow-503', service: 'graph', latencyMs: 250, status: 503 }] });
    expect(faults.pick('graph', 'GET', '/graph/v1.0/users')).toEqual({ ruleId: 'slow-503', latencyMs: 250, status: 503 });
  });

  it('when there is no configuration, then nothing is faulted', () => {
    expect(createFaults().pick('graph', 'GET', '/graph/v1.0/users')).toBeUndefined();
  });
});

describe('user faults', () => {
  const state = (): TenantState => new TenantState(seedDirectory({ users: 60, seed: 7 }), 7);

  it('when users are named by id and UPN, then they are blocked, deleted and unlicensed', () => {
    const tenant = state();
    const [a, b, c, d] = tenant.directory.users;
    applyUserFaults(tenant, {
      users: { policyBlocked: [a!.id], blockedBot: [b!.userPrincipalName.toUpperCase()], deleted: [c!.id], unlicensed: [d!.userPrincipalName] },
    });
    expect([...tenant.policyBlockedUserIds]).toEqual([a!.id]);
    expect([...tenant.botBlockedUserIds]).toEqual([b!.id]);
    expect([...tenant.deletedUserIds]).toEqual([c!.id]);
    expect(d!.hasTeamsLicense).toBe(false);
    expect(tenant.findUser(c!.id)).toBeUndefined();
  });

  it('when counts are given, then the same seed picks the same distinct users', () => {
    const config: FaultsConfig = { seed: 3, users: { policyBlocked: { count: 4 }, deleted: { count: 5 } } };
    const first = state();
    const second = state();
    applyUserFaults(first, config);
    applyUserFaults(second, config);
    expect(first.policyBlockedUserIds.size).toBe(4);
    expect(first.deletedUserIds.size).toBe(5);
    expect([...second.policyBlockedUserIds]).toEqual([...first.policyBlockedUserIds]);
    expect([...first.deletedUserIds].some((id) => first.policyBlockedUserIds.has(id))).toBe(false);
  });

  it('when a named user does not exist, then the error names the field and the user', () => {
    expect(() => applyUserFaults(state(), { users: { deleted: ['nobody@example.com'] } })).toThrow(/users\.deleted\[0\].*nobody@example\.com/);
  });
});

describe('faults file', () => {
  const write = async (content: string): Promise<string> => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'faults-')), 'faults.json');
    await writeFile(file, content);
    return file;
  };

  it('when the file is the shipped chaos example, then it loads', async () => {
    const config = await loadFaultsFile(path.resolve(__dirname, '../../../emulator/faults/examples/chaos.json'));
    expect(config.rules?.length).toBeGreaterThan(3);
  });

  it('when a field is wrong, then the error names the file and the field', async () => {
    const file = await write(JSON.stringify({ rules: [{ service: 'graph', status: 503 }, { service: 'graph', status: 404 }] }));
    await expect(loadFaultsFile(file)).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*rules\\[1\\]\\.status`));
  });

  it('when a path is not a regular expression, then the error says so', async () => {
    const file = await write(JSON.stringify({ rules: [{ service: 'graph', path: '([', drop: true }] }));
    await expect(loadFaultsFile(file)).rejects.toThrow(/rules\[0\]\.path: is not a valid regular expression/);
  });

  it('when a rule has no effect or a field is misspelt, then the error says which', async () => {
    await expect(loadFaultsFile(await write('{"rules":[{"service":"graph"}]}'))).rejects.toThrow(/rules\[0\]: a rule needs/);
    await expect(loadFaultsFile(await write('{"users":{"blocked":[]}}'))).rejects.toThrow(/users: Unrecognized key.*blocked/);
  });

  it('when the file is not JSON, then the error says so', async () => {
    await expect(loadFaultsFile(await write('{ nope'))).rejects.toThrow(/faults file .*: is not valid JSON/);
  });
});

describe('injected throttling bursts', () => {
  it('when a rule answers 429, then the decision carries its Retry-After (1 s by default)', () => {
    const faults = createFaults(FaultsConfig.parse({ rules: [{ service: 'connector', status: 429, retryAfterSeconds: 2 }, { service: 'graph', status: 429 }] }));
    expect(faults.pick('connector', 'POST', '/smba/amer/v3/conversations/x/activities')).toMatchObject({ status: 429, retryAfterSeconds: 2 });
    expect(faults.pick('graph', 'GET', '/graph/v1.0/users')).toMatchObject({ status: 429, retryAfterSeconds: 1 });
  });
});
