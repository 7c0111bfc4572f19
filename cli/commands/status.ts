import type { Herald } from '../../app/compose-herald';
import type { Actor } from '../../core/authority/actor';
import { describeFailure } from '../../core/delivery/failure-reasons';
import { count } from '../plural';

/** `status <id>`: the notification's state, counts per state and the failure reasons. */
export async function statusCommand(herald: Herald, actor: Actor, args: string[], out: NodeJS.WriteStream): Promise<number> {
  const id = args[0];
  if (!id) throw new Error('status needs a notification id');
  await printSummary(herald, actor, id, out);
  return 0;
}

export async function printSummary(herald: Herald, actor: Actor, id: string, out: NodeJS.WriteStream): Promise<void> {
  const { notification, counts, reasons } = await herald.notifications.get(actor, id);
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const when = notification.recalledAt ? ` (recalled ${new Date(notification.recalledAt).toISOString()})` : notification.editedAt ? ` (edited ${new Date(notification.editedAt).toISOString()})` : '';
  out.write(`${notification.title} — ${notification.status}${when}\n`);
  out.write(`  by ${notification.owner.upn || notification.owner.id}, from the ${ORIGIN_WORDS[notification.origin]}\n`);
  out.write(`  ${count(total, 'recipient')}: ${Object.entries(counts).filter(([, n]) => n > 0).map(([state, n]) => `${n} ${state}`).join(', ') || 'none'}\n`);
  for (const [reason, count] of Object.entries(reasons)) out.write(`  ${count} × ${reason}: ${describeFailure(reason)}\n`);
}

const ORIGIN_WORDS: Record<string, string> = { tab: 'admin tab', cli: 'command line', compose: "a team's compose box", survey: 'surveys', api: 'API' };
