import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Herald } from '../../app/compose-herald';
import type { Actor } from '../../core/authority/actor';
import { recipientsCsv } from '../../core/reports/recipients-csv';

/** `export <id> [--out FILE]`: the per-recipient report as CSV (to stdout by default). */
export async function exportCommand(herald: Herald, actor: Actor, args: string[], out: NodeJS.WriteStream): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
  const id = positionals[0];
  if (!id) throw new Error('export needs a notification id');
  await herald.notifications.read(actor, id);
  const target = values.out ? createWriteStream(values.out) : out;
  for await (const chunk of recipientsCsv(herald.store, id)) {
    if (!target.write(chunk)) await once(target, 'drain');
  }
  if (values.out) {
    target.end();
    await once(target, 'finish');
    out.write(`Wrote ${values.out}\n`);
  }
  return 0;
}
