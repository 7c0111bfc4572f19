import { createTokenProvider } from '../../adapters/auth/token-provider';
import { fail, pass, skip, type Check } from '../check';
import { describeTokenError, fixForTokenError } from '../token-errors';

export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com/.default';

/** Herald's bot is single-tenant (Azure creates no new multi-tenant bots), so its token comes from the home tenant. */
export const botTokenCheck: Check = {
  title: 'Bot Framework token',
  async run(state) {
    const env = state.env;
    if (!env?.HERALD_BOT_ID || !env.HERALD_BOT_PASSWORD || !env.HERALD_TENANT_ID) return skip(this.title, 'needs a valid configuration');
    const token = createTokenProvider(
      { authorityBaseUrl: env.HERALD_AUTHORITY_URL, tenant: env.HERALD_TENANT_ID, clientId: env.HERALD_BOT_ID, clientSecret: env.HERALD_BOT_PASSWORD },
      BOT_FRAMEWORK_SCOPE,
    );
    try {
      await token();
      return pass(this.title, `the bot ${env.HERALD_BOT_ID} can call the Bot Connector`);
    } catch (error) {
      const { code, message } = describeTokenError(error);
      return fail(this.title, `Entra refused the bot's credentials (${code}): ${message}`, fixForTokenError(code, message, { clientId: 'HERALD_BOT_ID', secret: 'HERALD_BOT_PASSWORD', app: 'Herald bot' }));
    }
  },
};
