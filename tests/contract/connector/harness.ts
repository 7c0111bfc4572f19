import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';

/** The real emulator on a free port with a fresh state dir (limits off unless asked). */
export function startTestEmulator(
  options: { limits?: 'real' | 'off'; stateDir?: string; log?: (message: string, fields?: Record<string, unknown>) => void } = {},
): Promise<RunningEmulator> {
  return startEmulator({
    log: options.log,
    port: 0,
    users: 50,
    seed: 7,
    limits: options.limits ?? 'off',
    stateDir: options.stateDir ?? mkdtempSync(path.join(tmpdir(), 'herald-emulator-')),
  });
}

/**
 * An unmodified msal-node client aimed at the emulator by configuration only: Microsoft's https authority,
 * with the authority and cloud metadata fetched from the emulator (whose token endpoint is plain http).
 */
export async function msalFor(
  emulator: RunningEmulator,
  credentials: { clientId: string; clientSecret: string },
  tenant: string = emulator.info.tenantId,
): Promise<ConfidentialClientApplication> {
  const authorityBase = emulator.info.authorityBaseUrl;
  const authorityMetadata = await (await fetch(`${authorityBase}/${tenant}/v2.0/.well-known/openid-configuration`)).text();
  const discovery = `${authorityBase}/common/discovery/instance?api-version=1.1&authorization_endpoint=https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`;
  const cloudDiscoveryMetadata = await (await fetch(discovery)).text();
  return new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      authority: `https://login.microsoftonline.com/${tenant}`,
      knownAuthorities: ['login.microsoftonline.com'],
      authorityMetadata,
      cloudDiscoveryMetadata,
    },
  });
}

/** A fixture file under tests/contract/fixtures/connector (each names the Microsoft page it comes from). */
export function fixture<T = Record<string, unknown>>(name: string): { source: string; payload: T; [key: string]: unknown } {
  return JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'connector', name), 'utf8'));
}

/**
 * The places where `actual` differs in shape from Microsoft's example: a missing key or a different JSON type,
 * recursively (arrays by their first element). Keys the emulator adds are allowed; `skip` lists example keys
 * (dotted paths) it deliberately omits.
 */
export function shapeDifferences(actual: unknown, expected: unknown, skip: string[] = [], at = ''): string[] {
  if (skip.includes(at)) return [];
  const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  if (kind(actual) !== kind(expected)) return [`${at || '(root)'}: ${kind(actual)} instead of ${kind(expected)}`];
  if (Array.isArray(expected)) {
    return expected.length && (actual as unknown[]).length ? shapeDifferences((actual as unknown[])[0], expected[0], skip, `${at}[]`) : [];
  }
  if (kind(expected) !== 'object') return [];
  return Object.entries(expected as Record<string, unknown>).flatMap(([key, value]) => {
    const next = at ? `${at}.${key}` : key;
    if (skip.includes(next)) return [];
    if (!(key in (actual as Record<string, unknown>))) return [`${next}: missing`];
    return shapeDifferences((actual as Record<string, unknown>)[key], value, skip, next);
  });
}

/** Reads a JWT's claims without verifying it (the tests verify signatures separately, against the JWKS). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}
