import { loadEnv } from '../../config/env';
import { composeHerald } from '../../app/compose-herald';
import { cardContentSchema } from '../../core/cards/card-content';

/**
 * Herald in its own process for the "Reminders out" benchmark, attached to a running emulator (HERALD_EMULATOR=attach)
 * and serving the bot, so the emulated Teams client's acknowledgements reach it:
 * - `deliver`: sends one acknowledgeable card to everyone, prints `{"notificationId":…}` once delivered, and keeps
 *   serving the bot until SIGTERM;
 * - `remind <id>`: runs until the notification's first reminder round is done (the engine's follow-up runner takes
 *   it when due; a process killed mid-round leaves the round to the next one), then prints `{"done":true}`.
 */
async function main(): Promise<void> {
  const [mode, id] = process.argv.slice(2);
  const herald = await composeHerald({ env: loadEnv(process.env), serve: 'bot', attachToEmulator: true });
  const stop = async (code: number): Promise<never> => {
    await herald.close().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGTERM', () => void stop(0));
  if (mode === 'deliver') {
    const actor = await herald.operator();
    const content = cardContentSchema.parse({ title: 'Reminders out', body: 'Please acknowledge the new travel policy.', acknowledge: true });
    const draft = await herald.notifications.createDraft(actor, { content, audience: { include: [{ kind: 'everyone' }], exclude: [], includeGuests: false } });
    const notificationId = draft.notification.id;
    const started = await herald.notifications.send(actor, notificationId);
    await started.work;
    for (;;) {
      const notification = await herald.store.notifications.get(notificationId);
      if (notification?.status === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    process.stdout.write(`${JSON.stringify({ notificationId })}\n`);
    return;
  }
  if (mode === 'remind' && id) {
    for (;;) {
      const record = await herald.store.followups.get(id);
      if (record && record.progress.roundsDone >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.stdout.write(`${JSON.stringify({ done: true })}\n`);
    return stop(0);
  }
  throw new Error('usage: followup-herald deliver | remind <notificationId>');
}

main().catch((error: unknown) => {
  process.stderr.write(`followup-herald: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
