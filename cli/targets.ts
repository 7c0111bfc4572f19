import { readFile } from 'node:fs/promises';
import type { AudienceSource } from '../core/audience/audience-spec';
import { HeraldError } from '../core/errors/herald-error';

/**
 * Reads a `--to` / `--exclude` value: `user:<id or UPN>`, `group:<id>`, `team:<id>`, `csv:<file>` or `everyone`.
 */
export async function parseTarget(value: string): Promise<AudienceSource> {
  if (value === 'everyone') return { kind: 'everyone' };
  const match = /^(user|group|team|csv):(.+)$/.exec(value);
  if (!match) {
    throw new HeraldError('audience_invalid', `"${value}" is not an audience: use user:<id or UPN>, group:<id>, team:<id>, csv:<file> or everyone.`);
  }
  const [, kind, rest] = match as unknown as [string, 'user' | 'group' | 'team' | 'csv', string];
  if (kind !== 'csv') return { kind, id: rest };
  try {
    return { kind: 'csv', text: await readFile(rest, 'utf8') };
  } catch (error) {
    throw new HeraldError('csv_invalid', `The CSV file ${rest} cannot be read: ${(error as Error).message}`);
  }
}
