import type { Locator } from 'playwright-core';

/**
 * Waits until the element's text satisfies `accept` (a string is an exact match) and returns the text.
 * playwright-core has no `expect`; this is its `toHaveText`, failing with what was last seen.
 */
export async function waitForText(locator: Locator, accept: string | RegExp | ((text: string) => boolean), timeoutMs = 20_000): Promise<string> {
  const matches = typeof accept === 'string' ? (text: string) => text === accept : accept instanceof RegExp ? (text: string) => accept.test(text) : accept;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    last = ((await locator.first().textContent({ timeout: 1_000 }).catch(() => null)) ?? '').trim();
    if (matches(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(locator)} to read ${String(accept)}; it reads "${last}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The claims of a JWT, unverified (the test verifies signatures separately where it matters). */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
