import type { CeilingResult } from './scenarios/ceiling';
import type { BroadcastOutcome } from './support/run-broadcast';
import type { CrashResult } from './scenarios/crash';

const write = (text: string): void => void process.stdout.write(text);
const pct = (part: number, whole: number): string => (whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(2)}%`);

export function printCeiling(result: CeilingResult): void {
  write('## 1. Ceiling ratio (real limits)\n\n');
  write('| audience | recipients | sent | failed (reasons) | achieved /s | binding limit | ratio | 429s / calls | lost | duplicated | p50 | p99 |\n');
  write('|---|---|---|---|---|---|---|---|---|---|---|---|\n');
  for (const [label, row] of [['already installed', result.installed], ['never installed', result.fresh]] as const) {
    write(
      `| ${label} | ${row.figures.total} | ${row.figures.sent} | ${row.figures.failed} ${JSON.stringify(row.figures.reasons)} | ${row.figures.sendRate.toFixed(2)} | ` +
        `${row.limit}/s | **${row.ratio.toFixed(3)}** | ${row.throttled} / ${row.requests} (${pct(row.throttled, row.requests)}) | ${row.lost} | ${row.duplicated} | ` +
        `${(row.figures.p50Ms / 1000).toFixed(1)} s | ${(row.figures.p99Ms / 1000).toFixed(1)} s |\n`,
    );
  }
  write(`\n429s per limit: already installed ${JSON.stringify(result.installed.throttledByRule)}; never installed ${JSON.stringify(result.fresh.throttledByRule)}\n\n`);
}

export function printOverhead(row: BroadcastOutcome & { recipientsPerSecond: number }): void {
  write('## 2. Engine overhead (limits off)\n\n');
  write('| recipients | sent | failed | wall time | recipients/s end to end | sends/s (first to last send) | peak RSS of Herald | lost | duplicated |\n');
  write('|---|---|---|---|---|---|---|---|---|\n');
  write(
    `| ${row.figures.total} | ${row.figures.sent} | ${row.figures.failed} | ${row.wallSeconds.toFixed(1)} s | **${Math.round(row.recipientsPerSecond)}** | ` +
      `${Math.round(row.figures.sendRate)} | ${row.peakRssMb > 0 ? `**${row.peakRssMb} MB**` : 'not measured (N worker processes)'} | ${row.lost} | ${row.duplicated} |\n\n`,
  );
}

export function printCrash(row: CrashResult): void {
  write('## 3. Crash and faults (real limits, 5% 5xx, 2% timeouts, 429 bursts, SIGKILL × ' + row.kills + ')\n\n');
  write('| recipients | sent once | sent twice (in flight at a kill) | more | failed, by reason | lost | failed but delivered | 429s | faults injected | wall time |\n');
  write('|---|---|---|---|---|---|---|---|---|---|\n');
  write(
    `| ${row.recipients} | ${row.sentOnce} | ${row.sentTwice} | ${row.sentMoreThanTwice} | ${JSON.stringify(row.failedWithReason)} | **${row.lost}** | ${row.failedButDelivered} | ` +
      `${row.throttled} | ${JSON.stringify(row.faultsInjected)} | ${row.wallSeconds.toFixed(0)} s |\n\n`,
  );
}
