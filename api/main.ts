import { loadEnv } from '../config/env';
import { composeHerald } from '../app/compose-herald';
import { runMain, stopOnSignals } from './process/lifecycle';

/** `npm start`: Herald's web server (bot and API), on the local emulator unless a tenant is configured. */
async function main(): Promise<void> {
  const env = loadEnv();
  const herald = await composeHerald({ env: { ...env, HERALD_LOG_PRETTY: env.HERALD_LOG_PRETTY ?? 'true' }, serve: 'full' });
  const lines = [`Herald is running at ${herald.web!.url}`, `  bot endpoint:  ${herald.web!.url}/api/messages`];
  if (herald.admin) {
    const who = herald.admin.defaultUpn ? `  (outside Teams it signs in as ${herald.admin.defaultUpn}; add ?upn=<someone> for another person)` : '';
    lines.unshift(`Admin tab: ${herald.admin.tabUrl()}${who}`);
  }
  if (herald.emulator) {
    lines.push(`  Teams client:  ${herald.emulator.info.teamsClientUrl}  (the emulated tenant's people and their chats with Herald)`);
    lines.push(`  emulator:      ${herald.emulator.info.graphBaseUrl} (Graph), ${herald.emulator.info.inspectUrl} (inspection)`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  stopOnSignals(herald.log, 'shutting down: finishing in-flight sends', () => herald.close());
}

runMain(main);
