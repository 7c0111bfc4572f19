import type { EmulatedUser } from '../tenant/model';
import { createRandom } from '../tenant/prng';
import type { TenantState } from '../tenant/state';
import type { FaultsConfig, UserFaults } from './schema';

type Category = keyof UserFaults;

const APPLY: Record<Category, (state: TenantState, user: EmulatedUser) => void> = {
  policyBlocked: (state, user) => void state.policyBlockedUserIds.add(user.id),
  blockedBot: (state, user) => void state.botBlockedUserIds.add(user.id),
  deleted: (state, user) => void state.deletedUserIds.add(user.id),
  unlicensed: (_state, user) => void (user.hasTeamsLicense = false),
};

/**
 * Marks users as blocked by policy, blocking the bot, deleted or unlicensed. Users named by id or UPN must
 * exist; `{ count }` picks users deterministically from the seed, each category from users no other category
 * took, so counts never overlap.
 */
export function applyUserFaults(state: TenantState, config: FaultsConfig): void {
  const users = config.users;
  if (!users) return;
  const taken = new Set<string>();
  const categories = Object.keys(APPLY) as Category[];
  // Named users are reserved first, so a `count` elsewhere never picks them.
  const listed = new Map<Category, EmulatedUser[]>();
  for (const category of categories) {
    const selection = users[category];
    if (!Array.isArray(selection)) continue;
    const chosen = selection.map((idOrUpn, index) => named(state, idOrUpn, `users.${category}[${index}]`));
    chosen.forEach((user) => taken.add(user.id));
    listed.set(category, chosen);
  }
  const random = createRandom((config.seed ?? 0) ^ 0xfa017);
  for (const category of categories) {
    const selection = users[category];
    if (!selection) continue;
    const chosen = listed.get(category) ?? pickCount(state.directory.users, taken, (selection as { count: number }).count, random, `users.${category}.count`);
    for (const user of chosen) APPLY[category](state, user);
  }
}

function named(state: TenantState, idOrUpn: string, field: string): EmulatedUser {
  const user = state.usersById.get(idOrUpn) ?? state.usersByUpn.get(idOrUpn.toLowerCase());
  if (!user) throw new Error(`faults: ${field}: no user "${idOrUpn}" in the seeded tenant (give an object id or a userPrincipalName)`);
  return user;
}

function pickCount(all: EmulatedUser[], taken: Set<string>, count: number, random: ReturnType<typeof createRandom>, field: string): EmulatedUser[] {
  const free = all.filter((user) => !taken.has(user.id));
  if (count > free.length) throw new Error(`faults: ${field}: asks for ${count} users but only ${free.length} are left to pick`);
  // A partial Fisher–Yates shuffle: the first `count` places are a uniform, seed-determined choice.
  for (let i = 0; i < count; i++) {
    const j = i + random.int(free.length - i);
    [free[i], free[j]] = [free[j]!, free[i]!];
  }
  const chosen = free.slice(0, count);
  for (const user of chosen) taken.add(user.id);
  return chosen;
}
