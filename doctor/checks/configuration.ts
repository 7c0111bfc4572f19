import { loadEnv } from '../../config/env';
import { fail, pass, type Check } from '../check';

/** The ids env/.env.dev ships as samples (00000000-0000-4000-8000-…): valid GUIDs that name nothing. */
const SAMPLE_ID = /^00000000-0000-4000-8000-/;

export const configurationCheck: Check = {
  title: 'Configuration',
  async run(state) {
    try {
      state.env = loadEnv(state.source);
    } catch (error) {
      return fail(this.title, (error as Error).message.split('\n').slice(1, -1).join('; ').replace(/\s+-\s+/g, ' '), 'Set the HERALD_* settings named above (docs/run-in-your-tenant.md, "Configure Herald").');
    }
    const env = state.env;
    if (env.emulated) {
      return fail(this.title, 'Herald is in local mode and no emulator answers on HERALD_EMULATOR_PORT: there is nothing to check', 'Start Herald (`npm start`) and run doctor again, set HERALD_EMULATOR=off with your tenant settings, or pass --emulator-info FILE (the first line `npm run emulator` prints).');
    }
    const samples = (['HERALD_CLIENT_ID', 'HERALD_BOT_ID', 'HERALD_APP_EXTERNAL_ID'] as const).filter((key) => SAMPLE_ID.test(env[key] ?? ''));
    if (samples.length > 0) {
      return fail(this.title, `${samples.join(', ')} still hold the sample ids from env/.env.dev`, 'Use the ids `teamsapp provision` wrote, or those of the apps you registered by hand.');
    }
    return pass(this.title, `tenant ${env.HERALD_TENANT_ID}, Graph app ${env.HERALD_CLIENT_ID}, bot ${env.HERALD_BOT_ID}, Teams app ${env.HERALD_APP_EXTERNAL_ID}`);
  },
};
