import { parseArgs } from 'node:util';
import type { Herald } from '../../app/compose-herald';
import type { Actor } from '../../core/authority/actor';
import { readCardFile } from '../card-file';
import { parseTarget } from '../targets';
import { watchProgress } from '../watch';
import { formatDuration } from '../progress-bar';
import { printSummary } from './status';
import { count } from '../plural';

export const SEND_USAGE = `send --card FILE --to TARGET [--to TARGET …] [--exclude TARGET …] [--include-guests] [--title TEXT]
     [--at 2026-12-01T09:00:00+01:00 --time-zone Europe/Paris] [--no-wait]
  TARGET: user:<id or UPN> · group:<id> · team:<id> · csv:<file of UPNs or ids> · everyone`;

/** `send`: creates the notification, resolves the audience, sends (or schedules) and shows progress to the end. */
export async function sendCommand(herald: Herald, actor: Actor, args: string[], out: NodeJS.WriteStream): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      card: { type: 'string' },
      to: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
      'include-guests': { type: 'boolean', default: false },
      title: { type: 'string' },
      at: { type: 'string' },
      'time-zone': { type: 'string' },
      'no-wait': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.card || !values.to?.length) throw new Error(`send needs --card and at least one --to.\n  ${SEND_USAGE}`);
  const written = await readCardFile(values.card);
  const audience = {
    include: await Promise.all(values.to.map(parseTarget)),
    exclude: await Promise.all((values.exclude ?? []).map(parseTarget)),
    includeGuests: values['include-guests'],
  };
  const titled = values.title && 'card' in written ? { ...written, title: values.title } : written;
  const { notification } = await herald.notifications.createDraft(actor, { ...titled, audience });
  out.write(`Notification ${notification.id}\nActing as ${actor.upn}.\n`);
  const scheduledAt = values.at === undefined ? undefined : Date.parse(values.at);
  if (values.at !== undefined && Number.isNaN(scheduledAt)) throw new Error(`--at ${values.at} is not a date and time such as 2026-12-01T09:00:00+01:00`);
  const started = await herald.notifications.send(actor, notification.id, { scheduledAt, timeZone: values['time-zone'] });
  if (!started.work) {
    out.write(`Scheduled for ${new Date(scheduledAt!).toISOString()} (${values['time-zone'] ?? 'UTC'}). Herald's server starts it on time.\n`);
    return 0;
  }
  const report = await started.work;
  out.write(
    `${count(report.recipients, 'recipient')} · ${report.needInstall.toLocaleString('en')} need Herald installed · ` +
      `estimated ${formatDuration(report.estimatedSeconds)}\n`,
  );
  if (report.excluded || report.skippedGuests || report.skippedDisabled) {
    out.write(`Skipped: ${report.excluded} excluded, ${report.skippedGuests} guests, ${report.skippedDisabled} disabled accounts\n`);
  }
  for (const row of report.csvRejected.slice(0, 20)) out.write(`  CSV row ${row.row}: ${row.reason} (${row.value})\n`);
  for (const entry of report.unresolved.slice(0, 20)) out.write(`  not found: ${entry.value} (${entry.source}): ${entry.reason}\n`);
  if (values['no-wait']) return 0;
  const status = await watchProgress(herald, notification.id, out);
  await printSummary(herald, actor, notification.id, out);
  return status === 'completed' ? 0 : 1;
}
