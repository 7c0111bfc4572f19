import os from 'node:os';
import { parseArgs } from 'node:util';
import { ceiling } from './scenarios/ceiling';
import { overhead } from './scenarios/overhead';
import { crash } from './scenarios/crash';
import { printReceipts, receipts } from './scenarios/receipts';
import { printReminders, reminders } from './scenarios/reminders';
import { printCeiling, printCrash, printOverhead } from './report';
import { fixedLoopMs } from './support/machine-speed';

/**
 * `npm run bench [-- --scenario ceiling|overhead|crash|all] [--users N] [--workers 1,4]`: prints figures, never passes or fails
 * on time. Each scenario runs the emulator and Herald in separate processes, as they would run for real.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'all' },
      users: { type: 'string' },
      'overhead-users': { type: 'string', default: '100000' },
      /** Comma-separated worker counts (`--workers 1,4`): each run uses N `npm run worker` processes on PostgreSQL + Redis. */
      workers: { type: 'string' },
      /** Read receipts posted to the bot by the `receipts` scenario, and how many at once. */
      receipts: { type: 'string', default: '50000' },
      'receipts-in-flight': { type: 'string', default: '64' },
      /** The `reminders` scenario kills Herald this many seconds into its reminder round. */
      'kill-after': { type: 'string' },
    },
    strict: true,
  });
  const scenarios = values.scenario === 'all' ? ['ceiling', 'overhead', 'crash', 'receipts', 'reminders'] : values.scenario!.split(',');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`# Herald benchmarks — ${new Date().toISOString()} — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n\n`);
  for (const scenario of scenarios) {
    const started = Date.now();
    const speedBefore = fixedLoopMs();
    if (scenario === 'ceiling' || scenario === 'overhead') {
      // --workers 1,4: one run per count, N worker processes on PostgreSQL + Redis; without it, the one CLI process.
      for (const workers of values.workers ? values.workers.split(',').map(Number) : [undefined]) {
        if (workers !== undefined) process.stdout.write(`### ${workers} worker process${workers === 1 ? '' : 'es'} (PostgreSQL + Redis)\n\n`);
        if (scenario === 'ceiling') printCeiling(await ceiling({ users: Number(values.users ?? 10_000), workers }));
        else printOverhead(await overhead({ users: Number(values['overhead-users']), workers }));
      }
    } else if (scenario === 'receipts') printReceipts(await receipts({ receipts: Number(values.receipts), concurrency: Number(values['receipts-in-flight']) }));
    else if (scenario === 'reminders') printReminders(await reminders({ users: Number(values.users ?? 10_000), killAfterSeconds: Number(values['kill-after'] ?? 40) }));
    else if (scenario === 'crash') printCrash(await crash({ users: Number(values.users ?? 5_400), killAfterSeconds: [25, 25] }));
    else throw new Error(`unknown scenario "${scenario}" (ceiling, overhead, crash, receipts or all)`);
    process.stdout.write(
      `_(${scenario}: ${Math.round((Date.now() - started) / 1000)} s in all; machine speed: a fixed CPU loop took ${speedBefore} ms before and ` +
        `${fixedLoopMs()} ms after — lower is faster, and on a shared VM it varies up to 2x between hours)_\n\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
