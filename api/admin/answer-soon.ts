import type { Logger } from '../../config/logger';

/**
 * How long an HTTP call waits for work that can take minutes (resolving 100,000 people, editing every chat):
 * long enough that an early refusal (the app missing from the catalog, a bad card) is answered as an error,
 * short enough that the tab never hangs; after it the work goes on and the report follows it live.
 */
export const ANSWER_WITHIN_MS = 2000;

/** Waits for `work` up to ANSWER_WITHIN_MS: a failure by then is the answer; a later one is logged. */
export async function answerSoon(work: Promise<unknown> | null, log: Logger, context: Record<string, unknown>): Promise<void> {
  if (!work) return;
  let late = false;
  const settled = work.then(
    () => undefined,
    (error: unknown) => {
      if (!late) throw error;
      log.warn({ err: error, ...context }, 'a background operation failed');
    },
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ANSWER_WITHIN_MS)));
  try {
    await Promise.race([settled, timeout]);
  } finally {
    late = true;
    clearTimeout(timer);
  }
}
