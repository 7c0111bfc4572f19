import { z } from 'zod';
import type { TabConfig } from '../../../api/contract/admin';
import { SignInRefused } from './sign-in-error';

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number() });

/** Renew this long before expiry so a call in flight never carries a token that lapses on the way. */
const EARLY_RENEWAL_MS = 60_000;

type StandaloneConfig = NonNullable<TabConfig['standalone']>;

/**
 * A token getter for a tab open outside any Teams host: the emulator's SSO door issues the same delegated token
 * `authentication.getAuthToken()` would. Cached until shortly before it expires.
 */
export function standaloneTokenGetter(config: StandaloneConfig, upn: string, fetchImpl: typeof fetch): () => Promise<string> {
  let cached: { token: string; renewAt: number } | undefined;
  return async () => {
    if (cached && Date.now() < cached.renewAt) return cached.token;
    const response = await fetchImpl(config.ssoTokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn, resource: config.resource }),
    });
    if (response.status >= 400 && response.status < 500) throw new SignInRefused(response.status);
    if (!response.ok) throw new Error(`The sign-in service answered ${response.status}`);
    const answer = tokenAnswer.parse(await response.json());
    cached = { token: answer.access_token, renewAt: Date.now() + answer.expires_in * 1000 - EARLY_RENEWAL_MS };
    return answer.access_token;
  };
}
