import { systemClock, type CancelTimer, type Clock } from './clock';

/**
 * Runs `pass` every `intervalMs` (measured from the end of the previous pass, so passes never overlap) until
 * stopped. A failed pass is reported and the next one still runs. `stop` waits for a pass in progress.
 */
export class RepeatingPass {
  private cancelTimer: CancelTimer | undefined;
  private current: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
    private readonly clock: Clock = systemClock,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    await this.current;
  }

  private schedule(): void {
    if (!this.running) return;
    this.cancelTimer = this.clock.setTimer(this.intervalMs, () => {
      this.cancelTimer = undefined;
      this.current = this.pass().then(
        () => this.schedule(),
        (error: unknown) => {
          this.onError(error);
          this.schedule();
        },
      );
    });
  }
}
