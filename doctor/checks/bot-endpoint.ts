import { fail, pass, skip, type Check } from '../check';

/**
 * Posts an activity without a token to HERALD_PUBLIC_URL/api/messages. Herald's bot must answer 401: that proves
 * the address reaches a bot that authenticates its callers, which is what Teams will call.
 */
export const botEndpointCheck: Check = {
  title: 'Bot endpoint',
  async run(state) {
    const env = state.env;
    if (!env) return skip(this.title, 'needs a valid configuration');
    if (!env.HERALD_PUBLIC_URL) {
      return fail(this.title, 'HERALD_PUBLIC_URL is not set, so Teams has no address for the bot', 'Set HERALD_PUBLIC_URL to the https address Teams reaches Herald at (your App Service or dev tunnel).');
    }
    const endpoint = `${env.HERALD_PUBLIC_URL.replace(/\/$/, '')}/api/messages`;
    let status: number;
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'herald doctor' }),
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (error) {
      return fail(this.title, `${endpoint} cannot be reached (${(error as Error).message})`, 'Start Herald (`npm start`) and, on a laptop, the dev tunnel; check that HERALD_PUBLIC_URL is its public address.');
    }
    if (status === 401) return pass(this.title, `${endpoint} answers 401 to an unsigned call, as a bot must`);
    return fail(
      this.title,
      `${endpoint} answered ${status} to an unsigned call where Herald's bot answers 401`,
      status === 404 ? 'That address is not Herald: check HERALD_PUBLIC_URL and the tunnel or App Service it points at.' : 'Something in front of Herald (a proxy, or an app without authentication) answers instead: check HERALD_PUBLIC_URL.',
    );
  },
};
