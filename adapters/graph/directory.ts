import { z } from 'zod';
import type { DirectoryGroup, DirectoryPort, DirectoryTeam, DirectoryUser, TeamMember } from '../../core/ports/directory';
import { PlatformError } from '../../core/ports/platform-error';
import { GraphBatcher } from './batcher';
import type { GraphHttp, GraphRequest, GraphResponse } from './graph-http';
import { retryingRead } from './read-retry';

const USER_FIELDS = 'id,displayName,userPrincipalName,userType,accountEnabled';
const user = z.object({
  '@odata.type': z.string().optional(),
  id: z.string(),
  displayName: z.string().nullable().optional(),
  userPrincipalName: z.string().nullable().optional(),
  userType: z.string().nullable().optional(),
  accountEnabled: z.boolean().nullable().optional(),
});
const page = <T extends z.ZodTypeAny>(item: T) => z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });
const group = z.object({ id: z.string(), displayName: z.string().nullable().optional(), mail: z.string().nullable().optional() });
const member = z.object({ userId: z.string().nullable().optional(), displayName: z.string().nullable().optional(), roles: z.array(z.string()).default([]) });

/** Graph's default limit of values in one `in` (Microsoft Learn, "Use the $filter query parameter"). */
const IN_LIMIT = 15;
/** Requests per `$batch` (Microsoft Learn, "Combine multiple HTTP requests using JSON batching"). */
const BATCH_LIMIT = 20;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads users, groups and teams from Graph a page at a time. */
export class GraphDirectory implements DirectoryPort {
  private readonly batcher: GraphBatcher;

  constructor(private readonly graph: GraphHttp) {
    this.batcher = new GraphBatcher(graph);
  }

  allUsers(): AsyncIterable<DirectoryUser[]> {
    return this.users(`/users?$select=${USER_FIELDS}&$top=999`);
  }

  groupMembers(groupId: string): AsyncIterable<DirectoryUser[]> {
    // The cast segment keeps only users (nested groups are flattened by transitiveMembers).
    return this.users(`/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$select=${USER_FIELDS}&$top=999`);
  }

  async *teamMembers(teamId: string): AsyncIterable<TeamMember[]> {
    for await (const items of this.pages(`/teams/${encodeURIComponent(teamId)}/members`, member)) {
      yield items.filter((item) => item.userId).map((item) => ({ userId: item.userId!, displayName: item.displayName ?? '', roles: item.roles }));
    }
  }

  async findUser(idOrUpn: string): Promise<DirectoryUser | undefined> {
    try {
      const response = await this.read({ method: 'GET', url: `/users/${encodeURIComponent(idOrUpn)}?$select=${USER_FIELDS}` });
      return toUser(user.parse(response.body));
    } catch (error) {
      if (error instanceof PlatformError && error.status === 404) return undefined;
      throw error;
    }
  }

  /**
   * Looks many people up in few calls: `$filter=id in (…)` / `userPrincipalName in (…)` of at most 15 values each
   * (Graph's default limit for `in`), and up to 20 such lookups per `$batch` (its limit). A 300-row CSV costs one
   * HTTP call and 20 of Graph's request units instead of 300 calls at once; people Graph does not know are absent.
   */
  async findUsers(idsOrUpns: string[]): Promise<DirectoryUser[]> {
    const ids = idsOrUpns.filter((entry) => GUID.test(entry));
    const upns = idsOrUpns.filter((entry) => !GUID.test(entry));
    const lookups = [...chunksOf(ids, IN_LIMIT).map((chunk) => inFilter('id', chunk)), ...chunksOf(upns, IN_LIMIT).map((chunk) => inFilter('userPrincipalName', chunk))];
    const found: DirectoryUser[] = [];
    // One $batch at a time: the lookups of a large CSV never all fly at once.
    for (const group of chunksOf(lookups, BATCH_LIMIT)) {
      const pages = await Promise.all(group.map((filter) => this.lookup(`/users?$filter=${filter}&$select=${USER_FIELDS}&$top=${IN_LIMIT}`)));
      for (const value of pages) found.push(...value.map(toUser));
    }
    return found;
  }

  /** One lookup of a `$batch`; a transient failure is tried again (read-retry.ts). */
  private async lookup(url: string): Promise<Array<z.infer<typeof user>>> {
    const response = await retryingRead(() => this.batcher.request({ method: 'GET', url }));
    return page(user).parse(response.body).value;
  }

  /** Every directory read is idempotent: a transient failure is tried again (read-retry.ts). */
  private read(request: GraphRequest): Promise<GraphResponse> {
    return retryingRead(() => this.graph.request(request));
  }

  async findGroup(groupId: string): Promise<DirectoryGroup | undefined> {
    try {
      const response = await this.read({ method: 'GET', url: `/groups/${encodeURIComponent(groupId)}?$select=id,displayName,mail` });
      const parsed = group.parse(response.body);
      return { id: parsed.id, displayName: parsed.displayName ?? '', mail: parsed.mail ?? null };
    } catch (error) {
      if (error instanceof PlatformError && error.status === 404) return undefined;
      throw error;
    }
  }

  async searchPeople(text: string, top: number): Promise<DirectoryUser[]> {
    const response = await this.read({
      method: 'GET',
      url: `/users?$search="displayName:${searchTerm(text)}" OR "userPrincipalName:${searchTerm(text)}"&$select=${USER_FIELDS}&$top=${top}`,
      headers: { ConsistencyLevel: 'eventual' },
    });
    return page(user).parse(response.body).value.map(toUser);
  }

  async searchGroups(text: string, top: number): Promise<DirectoryGroup[]> {
    const response = await this.read({
      method: 'GET',
      url: `/groups?$search="displayName:${searchTerm(text)}"&$select=id,displayName,mail&$top=${top}`,
      headers: { ConsistencyLevel: 'eventual' },
    });
    return page(group).parse(response.body).value.map((item) => ({ id: item.id, displayName: item.displayName ?? '', mail: item.mail ?? null }));
  }

  async searchTeams(text: string, top: number): Promise<DirectoryTeam[]> {
    const response = await this.read({
      method: 'GET',
      url: `/teams?$filter=${encodeURIComponent(`startswith(displayName,${odataString(text)})`)}&$select=id,displayName&$top=${top}`,
    });
    return page(group).parse(response.body).value.map((item) => ({ id: item.id, displayName: item.displayName ?? '' }));
  }

  async teamChannels(teamId: string): Promise<Array<{ id: string; displayName: string }>> {
    const response = await this.read({ method: 'GET', url: `/teams/${encodeURIComponent(teamId)}/channels?$select=id,displayName` });
    return page(group).parse(response.body).value.map((item) => ({ id: item.id, displayName: item.displayName ?? '' }));
  }

  private async *users(firstUrl: string): AsyncIterable<DirectoryUser[]> {
    for await (const items of this.pages(firstUrl, user)) {
      yield items.filter((item) => !item['@odata.type'] || item['@odata.type'] === '#microsoft.graph.user').map(toUser);
    }
  }

  /** Follows `@odata.nextLink` verbatim, one page in memory at a time. */
  private async *pages<T extends z.ZodTypeAny>(firstUrl: string, item: T): AsyncIterable<Array<z.infer<T>>> {
    let next: string | undefined = firstUrl;
    while (next) {
      const response = await this.read({ method: 'GET', url: next });
      const parsed = page(item).parse(response.body);
      yield parsed.value;
      next = parsed['@odata.nextLink'];
    }
  }
}

function toUser(item: z.infer<typeof user>): DirectoryUser {
  return {
    id: item.id,
    displayName: item.displayName ?? '',
    userPrincipalName: item.userPrincipalName ?? '',
    userType: item.userType === 'Guest' ? 'Guest' : 'Member',
    accountEnabled: item.accountEnabled !== false,
  };
}

/** `$search` terms are quoted; a double quote inside would end the term, so it is dropped. */
function searchTerm(text: string): string {
  return encodeURIComponent(text.replace(/"/g, ''));
}

/** An OData string literal: single-quoted, a quote inside doubled. */
function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `property in ('a','b')`, URL-encoded for a query string. */
function inFilter(property: string, values: string[]): string {
  return encodeURIComponent(`${property} in (${values.map(odataString).join(',')})`);
}

function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
