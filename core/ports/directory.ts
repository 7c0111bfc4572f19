/** A person as Herald needs them from the directory: enough to address, report on and filter. */
export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  mail: string | null;
}

export interface DirectoryTeam {
  id: string;
  displayName: string;
}

export interface TeamMember {
  userId: string;
  displayName: string;
  roles: string[];
}

/**
 * Reads the tenant's directory (Microsoft Graph). Lists are async iterables that fetch one page at a time, so a
 * consumer that processes as it goes never holds the tenant in memory.
 */
export interface DirectoryPort {
  allUsers(): AsyncIterable<DirectoryUser[]>;
  groupMembers(groupId: string): AsyncIterable<DirectoryUser[]>;
  teamMembers(teamId: string): AsyncIterable<TeamMember[]>;
  /** Looks up a user by object id or UPN; undefined when no such user. */
  findUser(idOrUpn: string): Promise<DirectoryUser | undefined>;
  /** Looks up users by object id or UPN in bulk (missing ones are absent from the result). */
  findUsers(idsOrUpns: string[]): Promise<DirectoryUser[]>;
  findGroup(groupId: string): Promise<DirectoryGroup | undefined>;
  searchPeople(text: string, top: number): Promise<DirectoryUser[]>;
  searchGroups(text: string, top: number): Promise<DirectoryGroup[]>;
  searchTeams(text: string, top: number): Promise<DirectoryTeam[]>;
  teamChannels(teamId: string): Promise<Array<{ id: string; displayName: string }>>;
}
