import { graphPermissionsCheck } from '../../doctor/checks/graph-permissions';
import type { DoctorState } from '../../doctor/check';
import type { Env } from '../../config/env';
import { REQUIRED_GRAPH_ROLES } from '../../doctor/required-permissions';

/** A token-shaped string whose payload carries the roles (the check reads claims, Graph verifies signatures). */
const tokenWith = (roles: string[]): string => `e30.${Buffer.from(JSON.stringify({ roles })).toString('base64url')}.sig`;
const env = { HERALD_TENANT_ID: 'tenant', HERALD_CLIENT_ID: 'client' } as unknown as Env;

describe('the doctor\'s Graph permissions check, for the permission that consents to RSC permissions', () => {
  it('when admin consent covers every required permission, then it passes', async () => {
    const state: DoctorState = { source: {}, env, graphToken: tokenWith([...REQUIRED_GRAPH_ROLES]) };
    expect((await graphPermissionsCheck.run(state)).status).toBe('pass');
  });

  it('when a tenant still has only the plain install permission, then it fails naming the consenting one and why it replaces the old one', async () => {
    const roles = [...REQUIRED_GRAPH_ROLES.filter((role) => role !== 'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All'), 'TeamsAppInstallation.ReadWriteSelfForUser.All'];
    const result = await graphPermissionsCheck.run({ source: {}, env, graphToken: tokenWith(roles) });
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('lacks TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All');
    expect(result.detail).toMatch(/read receipts.*TeamsAppInstallation\.ReadWriteSelfForUser\.All cannot do/);
  });
});
