import { readFile } from 'node:fs/promises';
import { cardContentSchema } from '../core/cards/card-content';
import { HeraldError } from '../core/errors/herald-error';
import type { Written } from '../core/notifications/notification-service';

/**
 * A `--card` file holds either an Adaptive Card (`"type": "AdaptiveCard"`) sent as it is, or Herald's card
 * content (title, summary, buttons, poll…) that becomes Herald's standard card (and can be edited and copied in
 * the tab like anything written there).
 */
export async function readCardFile(file: string): Promise<Written> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new HeraldError('card_invalid', `The card file ${file} cannot be read: ${reason}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HeraldError('card_invalid', `The card file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const record = json as Record<string, unknown>;
  if (record && record.type === 'AdaptiveCard') return { card: json, title: firstText(record) ?? 'Announcement' };
  const content = cardContentSchema.safeParse(json);
  if (!content.success) {
    const issues = content.error.issues.map((issue) => `${issue.path.join('.') || 'card'}: ${issue.message}`).join('; ');
    throw new HeraldError('card_invalid', `The card file ${file} is neither an Adaptive Card nor Herald card content: ${issues}`);
  }
  return { content: content.data };
}

function firstText(card: Record<string, unknown>): string | undefined {
  const body = Array.isArray(card.body) ? (card.body as Array<Record<string, unknown>>) : [];
  const text = body.find((element) => element.type === 'TextBlock' && typeof element.text === 'string')?.text as string | undefined;
  return text?.slice(0, 200);
}
