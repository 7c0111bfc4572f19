import type { Herald } from '../../app/compose-herald';
import { watchProgress } from '../watch';
import { printSummary } from './status';

/** `run`: resumes every notification that is still resolving or sending (after a crash) and waits for the end. */
export async function runCommand(herald: Herald, out: NodeJS.WriteStream): Promise<number> {
  const open = [...(await herald.store.notifications.withStatus('resolving')), ...(await herald.store.notifications.withStatus('sending'))];
  if (open.length === 0) {
    out.write('Nothing to resume.\n');
    return 0;
  }
  let failures = 0;
  for (const notification of open) {
    out.write(`Resuming ${notification.id} (${notification.title})\n`);
    if ((await watchProgress(herald, notification.id, out)) !== 'completed') failures += 1;
    await printSummary(herald, { tenantId: notification.tenantId, userId: notification.owner.id, upn: notification.owner.upn, displayName: '', origin: 'cli' }, notification.id, out).catch(() => undefined);
  }
  return failures === 0 ? 0 : 1;
}
