import { seedDirectory } from '../../../emulator/tenant/seed';
import type { EmulatedGroup, EmulatedUser } from '../../../emulator/tenant/model';

/** The people the end-to-end flow plays: known before Herald starts, since HERALD_ADMINS is read at start-up. */
export interface Cast {
  sender: EmulatedUser;
  group: EmulatedGroup;
  /** A member of the group who can receive (enabled, licensed, not a guest) and is not the sender. */
  recipient: EmulatedUser;
  /** How many people the group resolves to (nested groups included). */
  groupSize: number;
}

/** The emulator seeds the same tenant for the same `users` and `seed` (`npm start`'s HERALD_EMULATOR_*). */
export function castFor(users: number, seed: number, groupName: string): Cast {
  const directory = seedDirectory({ users, seed });
  const canReceive = (user: EmulatedUser) => user.accountEnabled && user.hasTeamsLicense && user.userType === 'Member';
  const sender = directory.users.find(canReceive)!;
  const group = directory.groups.find((candidate) => candidate.displayName === groupName);
  if (!group) throw new Error(`The seeded tenant has no group named "${groupName}"`);
  const groups = new Map(directory.groups.map((item) => [item.id, item]));
  const members = new Set<string>();
  const visit = (item: EmulatedGroup, seen: Set<string>) => {
    item.memberUserIds.forEach((id) => members.add(id));
    for (const childId of item.memberGroupIds) {
      if (seen.has(childId)) continue;
      seen.add(childId);
      visit(groups.get(childId)!, seen);
    }
  };
  visit(group, new Set([group.id]));
  const recipient = directory.users.find((user) => members.has(user.id) && user.id !== sender.id && canReceive(user));
  if (!recipient) throw new Error(`"${groupName}" has nobody who can receive besides the sender`);
  return { sender, group, recipient, groupSize: members.size };
}
