/**
 * Runs `pass` every `intervalMs` (measured from the end of the previous pass, so passes never overlap) until
 * stopped. A failed pass is reported and the next one still runs. `stop` waits for a pass in progress.
 */
export class RepeatingPass {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.running = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.current = this.pass().then(
        () => this.schedule(),
        (error: unknown) => {
          this.onError(error);
          this.schedule();
        },
      );
    }, this.intervalMs);
  }
}
