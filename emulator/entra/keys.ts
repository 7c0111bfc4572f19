import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, errors, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type KeyLike } from 'jose';
import type { SigningKey } from '../context';

const KEY_FILE = 'signing-key.jwk.json';
const ALG = 'RS256';

/**
 * The authority's one RS256 key, generated on first start and reloaded afterwards: botbuilder caches the
 * channel's keys for 24 hours, so a key that changed on restart would make every bot reject the emulator.
 */
export async function loadOrCreateSigningKey(stateDir: string): Promise<SigningKey> {
  const file = path.join(stateDir, KEY_FILE);
  const privateJwk = (await readJwk(file)) ?? (await createJwk(file));
  const kid = await calculateJwkThumbprint(publicPart(privateJwk));
  const privateKey = (await importJWK(privateJwk, ALG)) as KeyLike;
  const publicJwk = { ...publicPart(privateJwk), kid, use: 'sig', alg: ALG };
  const publicKey = (await importJWK(publicJwk, ALG)) as KeyLike;
  return {
    kid,
    publicJwk,
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: ALG, typ: 'JWT', kid }).sign(privateKey),
    verify: verifiedOnce(async (token) => (await jwtVerify(token, publicKey, { algorithms: [ALG] })).payload as Record<string, unknown>),
  };
}

/** Tokens remembered at most; a client reuses one token for an hour, so a handful covers every caller. */
const VERIFIED_TOKENS = 1000;

/**
 * Checks a token's signature once and remembers its claims: an RSA verification per request was the emulator's
 * largest cost at thousands of requests a second. A remembered token is still refused once it expires.
 */
function verifiedOnce(verify: (token: string) => Promise<Record<string, unknown>>): (token: string) => Promise<Record<string, unknown>> {
  const verified = new Map<string, Record<string, unknown>>();
  return async (token) => {
    const known = verified.get(token);
    if (!known) {
      const claims = await verify(token);
      if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value as string);
      verified.set(token, claims);
      return claims;
    }
    if (typeof known.exp === 'number' && known.exp * 1000 <= Date.now()) {
      verified.delete(token);
      throw new errors.JWTExpired('"exp" claim timestamp check failed', known, 'exp', 'check_failed');
    }
    return known;
  };
}

async function readJwk(file: string): Promise<JWK | undefined> {
  try {
    const jwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
    if (jwk.kty !== 'RSA' || !jwk.d || !jwk.n || !jwk.e) throw new Error(`${file} is not an RSA private JWK`);
    return jwk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function createJwk(file: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  await mkdir(path.dirname(file), { recursive: true });
  // Owner-only: it is the emulated tenant's private signing key.
  await writeFile(file, `${JSON.stringify(jwk)}\n`, { mode: 0o600 });
  return jwk;
}

function publicPart(jwk: JWK): JWK {
  return { kty: 'RSA', n: jwk.n, e: jwk.e };
}
