import type { DirectoryGroup, DirectoryPort, DirectoryTeam, DirectoryUser, TeamMember } from '../../../../core/ports/directory';
import { PlatformError } from '../../../../core/ports/platform-error';

/** A deterministic id for user `n` (a GUID, as Entra object ids are). */
export function userId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
}

export function makeUser(n: number, overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return { id: userId(n), userPrincipalName: `user${n}@contoso.test`, displayName: `User ${n}`, userType: 'Member', accountEnabled: true, ...overrides };
}

/** An in-memory directory that pages like Graph. */
export class FakeDirectory implements DirectoryPort {
  readonly groups = new Map<string, string[]>();
  readonly teams = new Map<string, string[]>();
  private readonly byId = new Map<string, DirectoryUser>();

  constructor(
    readonly users: DirectoryUser[],
    private readonly pageSize = 100,
  ) {
    for (const user of users) this.byId.set(user.id, user);
  }

  async *allUsers(): AsyncIterable<DirectoryUser[]> {
    yield* this.pages(this.users);
  }

  async *groupMembers(groupId: string): AsyncIterable<DirectoryUser[]> {
    yield* this.pages(this.lookup(this.groups.get(groupId) ?? []));
  }

  async *teamMembers(teamId: string): AsyncIterable<TeamMember[]> {
    const ids = this.teams.get(teamId);
    if (!ids) throw new PlatformError('graph', 404, 'NotFound', `team ${teamId} not found`);
    for (const page of this.pages(this.lookup(ids))) yield page.map((user) => ({ userId: user.id, displayName: user.displayName, roles: [] }));
  }

  async findUser(idOrUpn: string): Promise<DirectoryUser | undefined> {
    return this.byId.get(idOrUpn) ?? this.users.find((user) => user.userPrincipalName.toLowerCase() === idOrUpn.toLowerCase());
  }

  async findUsers(idsOrUpns: string[]): Promise<DirectoryUser[]> {
    const found = await Promise.all(idsOrUpns.map((value) => this.findUser(value)));
    return found.filter((user): user is DirectoryUser => user !== undefined);
  }

  async findGroup(groupId: string): Promise<DirectoryGroup | undefined> {
    return this.groups.has(groupId) ? { id: groupId, displayName: groupId, mail: null } : undefined;
  }

  async searchPeople(): Promise<DirectoryUser[]> {
    return [];
  }

  async searchGroups(): Promise<DirectoryGroup[]> {
    return [];
  }

  async searchTeams(): Promise<DirectoryTeam[]> {
    return [];
  }

  async teamChannels(): Promise<Array<{ id: string; displayName: string }>> {
    return [];
  }

  private lookup(ids: string[]): DirectoryUser[] {
    return ids.map((id) => this.byId.get(id)).filter((user): user is DirectoryUser => user !== undefined);
  }

  private *pages<T>(items: T[]): Generator<T[]> {
    for (let start = 0; start < items.length; start += this.pageSize) yield items.slice(start, start + this.pageSize);
  }
}
