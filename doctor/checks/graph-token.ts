import { createTokenProvider } from '../../adapters/auth/token-provider';
import { fail, pass, skip, type Check } from '../check';
import { describeTokenError, fixForTokenError } from '../token-errors';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export const graphTokenCheck: Check = {
  title: 'Graph token',
  async run(state) {
    const env = state.env;
    if (!env?.HERALD_CLIENT_ID || !env.HERALD_CLIENT_SECRET || !env.HERALD_TENANT_ID) return skip(this.title, 'needs a valid configuration');
    const token = createTokenProvider(
      { authorityBaseUrl: env.HERALD_AUTHORITY_URL, tenant: env.HERALD_TENANT_ID, clientId: env.HERALD_CLIENT_ID, clientSecret: env.HERALD_CLIENT_SECRET },
      GRAPH_SCOPE,
    );
    try {
      state.graphToken = await token();
      return pass(this.title, `Entra issued an app-only token to ${env.HERALD_CLIENT_ID}`);
    } catch (error) {
      const { code, message } = describeTokenError(error);
      return fail(this.title, `Entra refused (${code}): ${message}`, fixForTokenError(code, message, { clientId: 'HERALD_CLIENT_ID', secret: 'HERALD_CLIENT_SECRET', app: 'Herald' }));
    }
  },
};
