import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context';

/** The Bot Framework's own tenant: multi-tenant bots get their Connector tokens from it. */
export const BOTFRAMEWORK_TENANT_ID = 'd6d49420-f39b-4df7-a1dc-d59a935871db';
export const BOTFRAMEWORK_TENANT_DOMAIN = 'botframework.com';

export interface ResolvedTenant {
  /** The tenant id the tokens carry in `tid`. */
  tenantId: string;
  /** The path segment as the caller wrote it (id, domain or `botframework.com`). */
  segment: string;
  isBotFramework: boolean;
}

/** The authority path segment a caller used, resolved to a tenant this emulator knows; undefined when unknown. */
export function resolveTenant(ctx: EmulatorContext, segment: string): ResolvedTenant | undefined {
  const lower = segment.toLowerCase();
  const directory = ctx.state.directory;
  if (lower === directory.tenantId || lower === directory.tenantDomain.toLowerCase()) {
    return { tenantId: directory.tenantId, segment, isBotFramework: false };
  }
  if (lower === BOTFRAMEWORK_TENANT_DOMAIN || lower === BOTFRAMEWORK_TENANT_ID) {
    return { tenantId: BOTFRAMEWORK_TENANT_ID, segment, isBotFramework: true };
  }
  return undefined;
}

/** A GUID derived from its inputs, so a principal keeps the same object id across restarts. */
export function stableGuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Entra's `uti`: an opaque per-token id, base64url. */
export function tokenUniqueId(): string {
  return createHash('sha256').update(`${Date.now()}|${Math.random()}`).digest('base64url').slice(0, 22);
}
