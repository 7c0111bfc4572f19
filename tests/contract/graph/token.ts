import type { RunningEmulator } from '../../../emulator/server';

/**
 * An app-only Graph token signed with the emulator's own key, shaped like Entra's client-credentials tokens:
 * `aud` Graph, `tid` the tenant, `roles` the consented application permissions.
 */
export async function graphToken(emulator: RunningEmulator, claims: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const directory = emulator.context.state.directory;
  return emulator.context.signing.sign({
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${directory.tenantId}/`,
    tid: directory.tenantId,
    appid: directory.graphClient.clientId,
    roles: [...directory.graphClient.graphRoles],
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...claims,
  });
}
