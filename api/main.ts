import { loadEnv } from '../config/env';
import { isHeraldError } from '../core/errors/herald-error';
import { composeHerald } from './compose/compose-herald';

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
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    herald.log.info({ signal }, 'shutting down: finishing in-flight sends');
    herald.close().then(
      () => process.exit(0),
      (error: unknown) => {
        herald.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${isHeraldError(error) ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
