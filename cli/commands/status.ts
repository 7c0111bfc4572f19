import type { Herald } from '../../app/compose-herald';
import { describeFailure } from '../../core/delivery/failure-reasons';
import { count } from '../plural';

/** `status <id>`: the notification's state, counts per state and the failure reasons. */
export async function statusCommand(herald: Herald, args: string[], out: NodeJS.WriteStream): Promise<number> {
  const id = args[0];
  if (!id) throw new Error('status needs a notification id');
  await printSummary(herald, id, out);
  return 0;
}

export async function printSummary(herald: Herald, id: string, out: NodeJS.WriteStream): Promise<void> {
  const notification = await herald.store.notifications.get(id);
  if (!notification) throw new Error(`There is no notification ${id}.`);
  const counts = await herald.engine.counts(id);
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  out.write(`${notification.title} — ${notification.status}\n`);
  out.write(`  ${count(total, 'recipient')}: ${Object.entries(counts).filter(([, n]) => n > 0).map(([state, n]) => `${n} ${state}`).join(', ') || 'none'}\n`);
  const reasons = new Map<string, number>();
  for (let after = 0; ; ) {
    const page = await herald.store.recipients.page(id, after, 1000, 'failed');
    if (page.length === 0) break;
    for (const recipient of page) reasons.set(recipient.reason ?? 'unexpected', (reasons.get(recipient.reason ?? 'unexpected') ?? 0) + 1);
    after = page[page.length - 1]!.id;
  }
  for (const [reason, count] of reasons) out.write(`  ${count} × ${reason}: ${describeFailure(reason)}\n`);
}
