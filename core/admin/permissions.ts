import type { AudienceSpec } from '../audience/audience-spec';
import { HeraldError } from '../errors/herald-error';
import type { AudienceKind, RoleRecord } from './admin-store';

/** The kinds an audience uses, exclusions included (excluding a group still reads the group). */
export function audienceKinds(audience: AudienceSpec): AudienceKind[] {
  return [...new Set([...audience.include, ...audience.exclude].map((source) => source.kind))];
}

/** Throws `forbidden` naming the kinds this sender may not use. */
export function assertMayUse(role: RoleRecord | undefined, audience: AudienceSpec): void {
  if (!role) throw new HeraldError('forbidden', 'You are not an authorised sender.');
  const refused = audienceKinds(audience).filter((kind) => !role.audienceKinds.includes(kind));
  if (refused.length > 0) {
    const allowed = role.audienceKinds.length > 0 ? `You may send to ${listOf(role.audienceKinds)}.` : 'Your role allows no audience yet.';
    throw new HeraldError('forbidden', `Your Herald role does not allow sending to ${listOf(refused)}. ${allowed} Ask a Herald administrator to change it.`, {
      details: { refused, allowed: role.audienceKinds },
    });
  }
}

const KIND_WORDS: Record<AudienceKind, string> = { user: 'chosen people', group: 'groups', team: 'teams', csv: 'CSV lists', everyone: 'everyone' };

/** `groups and teams`, `chosen people, groups and everyone`. */
function listOf(kinds: AudienceKind[]): string {
  const words = kinds.map((kind) => KIND_WORDS[kind]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
