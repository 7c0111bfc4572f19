import type { Logger } from '../../config/logger';
import { isHeraldError } from '../../core/errors/herald-error';

/**
 * On SIGINT/SIGTERM runs `shutdown` once (the second signal is ignored) and exits 0, or 1 when it fails or takes
 * longer than `hardStopMs`.
 */
export function stopOnSignals(log: Logger, message: string, shutdown: () => Promise<void>, hardStopMs = 30_000): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, message);
    setTimeout(() => process.exit(1), hardStopMs).unref();
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Runs an entry point; a failure to start prints what to fix (a HeraldError's message) and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${isHeraldError(error) ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
