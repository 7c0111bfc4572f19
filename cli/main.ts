import { loadEnv } from '../config/env';
import { createLogger } from '../config/logger';
import { isHeraldError } from '../core/errors/herald-error';
import { composeHerald, type Herald } from '../app/compose-herald';
import { sendCommand, SEND_USAGE } from './commands/send';
import { statusCommand } from './commands/status';
import { exportCommand } from './commands/export';
import { manageCommand } from './commands/manage';
import { runCommand } from './commands/run';
import { postCommand, POST_USAGE } from './commands/post';
import { takeActAs } from './actor-args';
import type { Actor } from '../core/authority/actor';

const USAGE = `Herald's command line (npm run herald -- <command>)

  ${SEND_USAGE}
  ${POST_USAGE}
  status ID                     counts per state and failure reasons
  export ID [--out FILE]        the per-recipient report as CSV
  cancel ID · resend ID · recall ID · edit ID --card FILE
  run                           deliver every unfinished broadcast (after a crash), then exit

  --as UPN                      who you are (any command): the command line acts as that person, with their
                                Herald role, and the audit log and the tab name them. Default: HERALD_OPERATOR,
                                or locally the emulated tenant's first administrator.

It uses the same HERALD_* settings as the server: with none, the local Microsoft 365 emulator (the one \`npm start\`
runs, if it is running; otherwise its own) and the SQLite database in .herald/.`;

async function main(argv: string[]): Promise<number> {
  const { as, rest } = takeActAs(argv);
  const [command, ...args] = rest;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const env = loadEnv();
  const log = createLogger({ level: env.HERALD_LOG_LEVEL === 'info' ? 'warn' : env.HERALD_LOG_LEVEL, pretty: true });
  const herald = await composeHerald({ env, logger: log, serve: 'bot', attachToEmulator: true });
  const interrupt = (): void => {
    process.stderr.write('\nStopping: in-flight sends finish; `npm run herald -- run` resumes the rest.\n');
    void herald.close().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  try {
    return await dispatch(herald, () => herald.operator(as), command, args);
  } finally {
    process.off('SIGINT', interrupt);
    await herald.close();
  }
}

async function dispatch(herald: Herald, operator: () => Promise<Actor>, command: string, args: string[]): Promise<number> {
  const out = process.stdout;
  // `run` only resumes what the engine already holds, as starting the server does: it acts on nobody's behalf.
  if (command === 'run') return runCommand(herald, out);
  const known = ['send', 'status', 'export', 'post', 'cancel', 'resend', 'edit', 'recall'];
  if (!known.includes(command)) throw new Error(`unknown command "${command}"; run \`npm run herald -- help\``);
  const actor = await operator();
  switch (command) {
    case 'send':
      return sendCommand(herald, actor, args, out);
    case 'status':
      return statusCommand(herald, actor, args, out);
    case 'export':
      return exportCommand(herald, actor, args, out);
    case 'post':
      return postCommand(herald, actor, args, out);
    case 'cancel':
    case 'resend':
    case 'edit':
    case 'recall':
      return manageCommand(herald, actor, command, args, out);
    default:
      throw new Error(`unknown command "${command}"; run \`npm run herald -- help\``);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`herald: ${isHeraldError(error) || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
