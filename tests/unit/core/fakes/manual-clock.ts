import type { Clock } from '../../../../core/shared/clock';

/** A clock that moves only when told; `sleep` resolves once time has been advanced past its deadline. */
export class ManualClock implements Clock {
  private sleepers: Array<{ until: number; wake: () => void }> = [];

  constructor(private current = 1_000_000) {}

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((wake) => this.sleepers.push({ until: this.current + ms, wake }));
  }

  /** Moves time forward and wakes every sleeper whose deadline passed. */
  async advance(ms: number): Promise<void> {
    this.current += ms;
    const due = this.sleepers.filter((sleeper) => sleeper.until <= this.current);
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.until > this.current);
    for (const sleeper of due) sleeper.wake();
    await new Promise((resolve) => setImmediate(resolve));
  }

  get sleeping(): number {
    return this.sleepers.length;
  }
}
