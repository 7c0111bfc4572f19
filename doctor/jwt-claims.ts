import { z } from 'zod';

const claims = z.object({ roles: z.array(z.string()).optional(), appid: z.string().optional(), tid: z.string().optional() }).passthrough();

/**
 * Reads an access token's payload without verifying it: doctor only reports what the token says it grants
 * (Graph verifies it on every call). Returns undefined for anything that is not a JWT.
 */
export function decodeClaims(token: string): z.infer<typeof claims> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const parsed = claims.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
