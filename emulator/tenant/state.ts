import { EventEmitter } from 'node:events';
import type { EmulatedDirectory, EmulatedUser, EmulatedTeam, EmulatedGroup, EmulatedCatalogApp, ReadReceiptsPolicy, RscPermission } from './model';
import { createRandom } from './prng';

/** One installation of a catalog app for a user (personal scope) or a team. */
export interface Installation {
  id: string;
  teamsAppId: string;
  scope: 'user' | 'team';
  /** User id or team id. */
  scopeId: string;
  installedAt: string;
  /** The conversation Teams created for the installation (personal chat, or the team's General channel). */
  conversationId: string;
  /** The resource-specific permissions consented on install or upgrade (`consentedPermissionSet`); empty when none. */
  consentedPermissions: RscPermission[];
}

/** How far a person has read their 1:1 chat, and what the bot was told of it. */
export interface ReadRecord {
  conversationId: string;
  userId: string;
  /** The newest message the person has seen. */
  lastReadMessageId: string;
  readAt: string;
  /** The newest `lastReadMessageId` a read receipt carried to the bot; absent while none was sent. */
  lastReceiptMessageId?: string;
  /** Read receipts sent for this chat. */
  receipts: number;
}

/** One item of a person's Teams activity feed, as `sendActivityNotification` made it. */
export interface FeedItem {
  id: string;
  userId: string;
  activityType: string;
  /** What the feed shows in bold: the template rendered with the parameters (`{actor}` is the app's name). */
  title: string;
  previewText: string;
  topic: { source: 'entityUrl' | 'text'; value: string; webUrl?: string };
  chainId?: string;
  templateParameters: Array<{ name: string; value: string }>;
  createdDateTime: string;
}

/** A message as the emulated Teams keeps it in a conversation. */
export interface StoredActivity {
  id: string;
  /** The raw activity the bot sent (or the user posted). */
  activity: Record<string, unknown>;
  from: 'bot' | 'user';
  receivedAt: string;
  updatedAt?: string;
  deleted?: boolean;
  /** How many times the Connector accepted a send of this activity (1 unless it was updated). */
  updates: number;
}

export interface Conversation {
  /** The Bot Framework conversation id (`a:…` for personal chats, `19:…@thread.tacv2` for channels). */
  id: string;
  /** The Graph chat id (`19:…@unq.gbl.spaces`) for personal chats; the channel id for channels. */
  chatId: string;
  type: 'personal' | 'channel';
  /** For personal chats, the user; for channels, the team and channel. */
  userId?: string;
  teamId?: string;
  channelId?: string;
  /** The bot app id of the conversation. */
  botAppId: string;
  activities: StoredActivity[];
}

/** Events other parts of the emulator (the Teams behaviour, the inspection API) subscribe to. */
export interface TenantEvents {
  installed: [Installation];
  uninstalled: [Installation];
  activity: [Conversation, StoredActivity];
  /** A stored activity was updated or deleted by the bot. */
  activityChanged: [Conversation, StoredActivity];
  /** An installation was upgraded (`…/upgrade`), possibly consenting to more permissions. */
  upgraded: [Installation];
  /** A person's activity feed got an item (a later one with the same chainId replaced `replaced`). */
  feed: [FeedItem, FeedItem | undefined];
}

/**
 * The emulated tenant's mutable state: the seeded directory plus installations, conversations and messages.
 * Everything the Graph, Connector and Teams parts of the emulator change lives here, so they agree.
 */
export class TenantState extends EventEmitter<TenantEvents> {
  readonly usersById = new Map<string, EmulatedUser>();
  readonly usersByUpn = new Map<string, EmulatedUser>();
  readonly usersByTeamsId = new Map<string, EmulatedUser>();
  readonly groupsById = new Map<string, EmulatedGroup>();
  readonly teamsById = new Map<string, EmulatedTeam>();
  readonly catalogById = new Map<string, EmulatedCatalogApp>();
  /** Installations keyed by scope id (user or team), then by installation id. */
  readonly installations = new Map<string, Map<string, Installation>>();
  /** Conversations by Bot Framework id and by Graph chat id. */
  readonly conversations = new Map<string, Conversation>();
  private readonly personalByUserAndBot = new Map<string, Conversation>();
  /** User ids whose deletion was simulated: Graph answers 404 and the Connector 403/404 for them. */
  readonly deletedUserIds = new Set<string>();
  /** Users whose app permission policy blocks Herald: installs answer 403. */
  readonly policyBlockedUserIds = new Set<string>();
  /** Users who blocked the bot: sends answer 403 ConversationBlockedByUser. */
  readonly botBlockedUserIds = new Set<string>();
  /** The tenant's messaging policy `ReadReceiptsEnabledType` (the inspection API can switch it). */
  readReceiptsPolicy: ReadReceiptsPolicy;
  /** How far each person has read their personal chat, by conversation id. */
  readonly reads = new Map<string, ReadRecord>();
  /** Each person's activity feed, newest first. */
  readonly feeds = new Map<string, FeedItem[]>();
  private lastActivityId = 0;
  private feedSequence = 0;
  private readonly random;

  constructor(readonly directory: EmulatedDirectory, seed: number) {
    super();
    this.setMaxListeners(50);
    this.readReceiptsPolicy = directory.readReceiptsPolicy;
    this.random = createRandom(seed ^ 0x5eed);
    for (const user of directory.users) {
      this.usersById.set(user.id, user);
      this.usersByUpn.set(user.userPrincipalName.toLowerCase(), user);
      this.usersByTeamsId.set(user.teamsUserId, user);
    }
    for (const group of directory.groups) this.groupsById.set(group.id, group);
    for (const team of directory.teams) this.teamsById.set(team.id, team);
    for (const app of directory.catalog) this.catalogById.set(app.id, app);
  }

  get tenantId(): string {
    return this.directory.tenantId;
  }

  /** A user who exists and has not been deleted. */
  findUser(idOrUpn: string): EmulatedUser | undefined {
    const user = this.usersById.get(idOrUpn) ?? this.usersByUpn.get(idOrUpn.toLowerCase());
    return user && !this.deletedUserIds.has(user.id) ? user : undefined;
  }

  installationsOf(scopeId: string): Installation[] {
    return [...(this.installations.get(scopeId)?.values() ?? [])];
  }

  findInstallation(scopeId: string, teamsAppId: string): Installation | undefined {
    return this.installationsOf(scopeId).find((installation) => installation.teamsAppId === teamsAppId);
  }

  /**
   * Installs a catalog app for a user or team, creating its conversation. Returns undefined when it was
   * already installed. Emits `installed`, which makes the emulated Teams notify the bot, unless `silent`
   * (the inspection API's bulk pre-install, for benchmarks that need users who already have the app).
   */
  install(
    scope: 'user' | 'team',
    scopeId: string,
    teamsAppId: string,
    options: { silent?: boolean; consentedPermissions?: RscPermission[] } = {},
  ): Installation | undefined {
    if (this.findInstallation(scopeId, teamsAppId)) return undefined;
    const app = this.catalogById.get(teamsAppId);
    const conversation = scope === 'user' ? this.personalConversation(scopeId, app?.botAppId ?? '') : this.teamConversation(scopeId, app?.botAppId ?? '');
    const installation: Installation = {
      // Opaque, as in Graph: base64 of `{scopeId}##{teamsAppId}`.
      id: Buffer.from(`${scopeId}##${teamsAppId}`).toString('base64'),
      teamsAppId,
      scope,
      scopeId,
      installedAt: new Date().toISOString(),
      conversationId: conversation.id,
      consentedPermissions: [...(options.consentedPermissions ?? [])],
    };
    let byId = this.installations.get(scopeId);
    if (!byId) this.installations.set(scopeId, (byId = new Map()));
    byId.set(installation.id, installation);
    if (!options.silent) this.emit('installed', installation);
    return installation;
  }

  /** Upgrades an installation to the app's current definition, replacing what was consented when a set is given. */
  upgrade(installation: Installation, consentedPermissions: RscPermission[] | undefined): void {
    if (consentedPermissions) installation.consentedPermissions = [...consentedPermissions];
    this.emit('upgraded', installation);
  }

  /** Whether an installation consented to an RSC permission (names compare case-insensitively, as Graph's do). */
  hasConsented(installation: Installation, permissionValue: string): boolean {
    const wanted = permissionValue.toLowerCase();
    return installation.consentedPermissions.some((permission) => permission.permissionValue.toLowerCase() === wanted);
  }

  uninstall(scopeId: string, installationId: string): Installation | undefined {
    const installation = this.installations.get(scopeId)?.get(installationId);
    if (!installation) return undefined;
    this.installations.get(scopeId)!.delete(installationId);
    this.emit('uninstalled', installation);
    return installation;
  }

  /** The personal chat between a user and a bot: the same one every time (Teams keeps it across reinstalls). */
  personalConversation(userId: string, botAppId: string): Conversation {
    const existing = this.personalByUserAndBot.get(`${userId}|${botAppId}`);
    if (existing) return existing;
    const conversation: Conversation = {
      id: `a:1${this.random.guid().replace(/-/g, '')}${this.random.guid().replace(/-/g, '')}`,
      chatId: `19:${userId}_${botAppId}@unq.gbl.spaces`,
      type: 'personal',
      userId,
      botAppId,
      activities: [],
    };
    this.addConversation(conversation);
    this.personalByUserAndBot.set(`${userId}|${botAppId}`, conversation);
    return conversation;
  }

  teamConversation(teamId: string, botAppId: string): Conversation {
    const team = this.teamsById.get(teamId);
    if (!team) throw new Error(`unknown team ${teamId}`);
    return this.channelConversation(team, team.internalId, botAppId);
  }

  channelConversation(team: EmulatedTeam, channelId: string, botAppId: string): Conversation {
    const existing = this.conversations.get(channelId);
    if (existing) return existing;
    const conversation: Conversation = { id: channelId, chatId: channelId, type: 'channel', teamId: team.id, channelId, botAppId, activities: [] };
    this.addConversation(conversation);
    return conversation;
  }

  private addConversation(conversation: Conversation): void {
    this.conversations.set(conversation.id, conversation);
    this.conversations.set(conversation.chatId, conversation);
  }

  /**
   * A new message id. Teams' 1:1 message ids are epoch milliseconds ("1692206589131") and bots compare them as
   * numbers (botbuilder's `ReadReceiptInfo.isMessageRead`), so they stay numeric, safe integers and strictly
   * increasing across the tenant: the clock, or one more than the last id when several land in one millisecond.
   */
  nextActivityId(): string {
    this.lastActivityId = Math.max(this.lastActivityId + 1, Date.now());
    return String(this.lastActivityId);
  }

  /** Records an activity in a conversation and returns it with its new id. */
  addActivity(conversation: Conversation, activity: Record<string, unknown>, from: 'bot' | 'user'): StoredActivity {
    const stored: StoredActivity = {
      id: this.nextActivityId(),
      activity,
      from,
      receivedAt: new Date().toISOString(),
      updates: 1,
    };
    conversation.activities.push(stored);
    this.emit('activity', conversation, stored);
    return stored;
  }

  /**
   * Adds an item to a person's activity feed, newest first; an item with the same chainId as an earlier one
   * replaces it (Graph's "use the same chainId … to override the previous notification").
   */
  addFeedItem(item: Omit<FeedItem, 'id'>): FeedItem {
    this.feedSequence += 1;
    const stored: FeedItem = { ...item, id: String(this.feedSequence) };
    const feed = this.feeds.get(item.userId) ?? [];
    const replacedIndex = item.chainId === undefined ? -1 : feed.findIndex((existing) => existing.chainId === item.chainId);
    const replaced = replacedIndex >= 0 ? feed.splice(replacedIndex, 1)[0] : undefined;
    feed.unshift(stored);
    this.feeds.set(item.userId, feed);
    this.emit('feed', stored, replaced);
    return stored;
  }

  /** Every distinct conversation once (the map holds each under two keys). */
  allConversations(): Conversation[] {
    return [...new Set(this.conversations.values())];
  }
}
