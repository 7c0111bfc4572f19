import type { Herald } from '../../app/compose-herald';
import type { Actor } from '../../core/authority/actor';
import { readCardFile } from '../card-file';
import { watchProgress } from '../watch';
import { printSummary } from './status';
import { count } from '../plural';

/** `cancel <id>`, `resend <id>`, `edit <id> --card FILE`, `recall <id>`: as the operator, through core's use cases. */
export async function manageCommand(herald: Herald, actor: Actor, command: string, args: string[], out: NodeJS.WriteStream): Promise<number> {
  const id = args[0];
  if (!id) throw new Error(`${command} needs a notification id`);
  const { notifications } = herald;
  switch (command) {
    case 'cancel': {
      const { counts } = await notifications.cancel(actor, id);
      out.write(`Cancelled: ${counts.cancelled} will not be messaged; ${counts.sent} had already received it.\n`);
      return 0;
    }
    case 'resend': {
      const { retried } = await notifications.resendFailed(actor, id);
      out.write(`Trying ${count(retried, 'failed recipient')} again.\n`);
      const status = await watchProgress(herald, id, out);
      await printSummary(herald, actor, id, out);
      return status === 'completed' ? 0 : 1;
    }
    case 'edit': {
      const flag = args.indexOf('--card');
      const file = flag >= 0 ? args[flag + 1] : undefined;
      if (!file) throw new Error('edit needs --card FILE');
      const report = await (await notifications.edit(actor, id, await readCardFile(file))).work;
      out.write(`Updated ${count(report!.succeeded, 'card')}; ${report!.failed} could not be updated.\n`);
      return report!.failed === 0 ? 0 : 1;
    }
    case 'recall': {
      const report = await (await notifications.recall(actor, id)).work;
      out.write(`Recalled ${count(report!.succeeded, 'card')}; ${report!.failed} could not be deleted.\n`);
      return report!.failed === 0 ? 0 : 1;
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}
