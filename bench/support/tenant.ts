import { createStore } from '../../adapters/sql/create-store';
import type { InspectClient } from './inspect-client';

export interface BenchUser {
  id: string;
  userType: string;
  accountEnabled: boolean;
  hasTeamsLicense: boolean;
}

/** Every user of the emulated tenant, in seed order (department = position modulo 8, see emulator/tenant/seed.ts). */
export async function allUsers(inspect: InspectClient): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  for (let skip = 0; ; skip += 20_000) {
    const page = await inspect.call<{ total: number; users: BenchUser[] }>('GET', `/users?skip=${skip}&top=20000`);
    users.push(...page.users);
    if (skip + 20_000 >= page.total) return users;
  }
}

export async function departmentGroupIds(inspect: InspectClient): Promise<string[]> {
  const directory = await inspect.call<{ groups: Array<{ id: string; displayName: string }> }>('GET', '/directory');
  return directory.groups.filter((group) => group.displayName.endsWith(' department')).map((group) => group.id);
}

/**
 * Installs Herald for these users in the emulated tenant and records their chats in Herald's database, as if the
 * bot had received every install event earlier: "already installed" recipients, for whom only the send is left.
 */
export async function preinstallKnown(inspect: InspectClient, databaseUrl: string, tenantId: string, serviceUrl: string, userIds: string[]): Promise<void> {
  const store = await createStore({ url: databaseUrl });
  try {
    for (let start = 0; start < userIds.length; start += 5000) {
      const chunk = userIds.slice(start, start + 5000);
      const answer = await inspect.call<{ conversations: Array<{ userId: string; conversationId: string }> }>('POST', '/preinstall', { userIds: chunk });
      for (const { userId, conversationId } of answer.conversations) {
        await store.conversations.upsert({ tenantId, userId, conversationId, serviceUrl, source: 'bot', updatedAt: Date.now() });
      }
    }
  } finally {
    await store.close();
  }
}
