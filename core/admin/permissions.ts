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
    const allowed = role.audienceKinds.length > 0 ? role.audienceKinds.join(', ') : 'nothing';
    throw new HeraldError('forbidden', `You may not send to ${refused.join(', ')}; you may send to ${allowed}. Ask a Herald administrator.`, {
      details: { refused, allowed: role.audienceKinds },
    });
  }
}
