import type { Herald } from '../../app/compose-herald';
import { readCardFile } from '../card-file';
import { watchProgress } from '../watch';
import { printSummary } from './status';
import { count } from '../plural';

/** `cancel <id>`, `resend <id>`, `edit <id> --card FILE`, `recall <id>`. */
export async function manageCommand(herald: Herald, command: string, args: string[], out: NodeJS.WriteStream): Promise<number> {
  const id = args[0];
  if (!id) throw new Error(`${command} needs a notification id`);
  const { engine } = herald;
  switch (command) {
    case 'cancel': {
      const counts = await engine.cancel(id);
      out.write(`Cancelled: ${counts.cancelled} will not be messaged; ${counts.sent} had already received it.\n`);
      return 0;
    }
    case 'resend': {
      const retried = await engine.resendFailed(id);
      out.write(retried === 0 ? 'Nobody has failed: there is nothing to send again.\n' : `Trying ${count(retried, 'failed recipient')} again.\n`);
      if (retried === 0) return 0;
      const status = await watchProgress(herald, id, out);
      await printSummary(herald, id, out);
      return status === 'completed' ? 0 : 1;
    }
    case 'edit': {
      const flag = args.indexOf('--card');
      const file = flag >= 0 ? args[flag + 1] : undefined;
      if (!file) throw new Error('edit needs --card FILE');
      const { card } = await readCardFile(file, id);
      const report = await engine.edit(id, card);
      out.write(`Updated ${count(report.succeeded, 'card')}; ${report.failed} could not be updated.\n`);
      return report.failed === 0 ? 0 : 1;
    }
    case 'recall': {
      const report = await engine.recall(id);
      out.write(`Recalled ${count(report.succeeded, 'card')}; ${report.failed} could not be deleted.\n`);
      return report.failed === 0 ? 0 : 1;
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}
