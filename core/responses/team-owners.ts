import type { DirectoryPort } from '../ports/directory';
import type { Clock } from '../shared/clock';

/** Owners change rarely; a minute keeps repeated compose-box calls off Graph without trusting stale roles long. */
export const OWNER_CACHE_MS = 60_000;

/**
 * Answers "is this person an owner of this team?" from Graph `GET /teams/{id}/members` (roles contain `owner`),
 * caching each team's owners briefly. Concurrent questions about one team share one Graph read.
 */
export class TeamOwners {
  private readonly cache = new Map<string, { owners: Promise<Set<string>>; at: number }>();

  constructor(
    private readonly directory: DirectoryPort,
    private readonly clock: Clock,
    private readonly ttlMs = OWNER_CACHE_MS,
  ) {}

  async isOwner(teamId: string, userId: string): Promise<boolean> {
    return (await this.ownersOf(teamId)).has(userId);
  }

  private ownersOf(teamId: string): Promise<Set<string>> {
    const now = this.clock.now();
    const cached = this.cache.get(teamId);
    if (cached && now - cached.at < this.ttlMs) return cached.owners;
    const owners = this.read(teamId);
    this.cache.set(teamId, { owners, at: now });
    // A failed read must not be cached: the next question asks Graph again.
    owners.catch(() => this.cache.delete(teamId));
    return owners;
  }

  private async read(teamId: string): Promise<Set<string>> {
    const owners = new Set<string>();
    for await (const page of this.directory.teamMembers(teamId)) {
      for (const member of page) if (member.roles.includes('owner')) owners.add(member.userId);
    }
    return owners;
  }
}
