import type { TenantState } from './tenant/state';

/** The base URLs the emulator serves; they stand in for Microsoft's hosts. */
export interface EmulatorUrls {
  origin: string;
  /** Stands in for `https://login.microsoftonline.com`. */
  authorityBaseUrl: string;
  tokenEndpoint: string;
  /** Stands in for `https://graph.microsoft.com/v1.0` and `/beta`. */
  graphBaseUrl: string;
  graphBetaBaseUrl: string;
  /** The Connector service URL the bot sees in activities (like `https://smba.trafficmanager.net/amer/`). */
  botServiceUrl: string;
  /** Stands in for `https://login.botframework.com/v1/.well-known/openidconfiguration`. */
  channelOpenIdMetadataUrl: string;
  teamsClientUrl: string;
  inspectUrl: string;
}

/** Names of the throttles the emulator enforces; see `limits/`. */
export type LimitRule =
  /** Every Connector call of one bot in one tenant: 50 per second. */
  | 'teams.tenant'
  /** Sends to one thread (1:1 chat, group chat or channel): 7/1 s, 8/2 s, 60/30 s, 1800/3600 s. */
  | 'teams.send'
  | 'teams.createConversation'
  | 'teams.getMembers'
  | 'graph.installedApps.get'
  | 'graph.installedApps.post'
  | 'graph.installedApps.delete'
  | 'graph.appCatalogs.get'
  | 'graph.teamMembers'
  | 'graph.directory'
  | 'graph.oneTeam'
  | 'graph.oneChannel'
  /** `sendActivityNotification` per app per tenant: 5 per second. */
  | 'graph.activityNotification'
  /** Activity notifications to one person: 10 per minute. */
  | 'graph.activityNotification.perUser';

export interface LimitRequest {
  rule: LimitRule;
  /** What the limit counts per: the tenant, a thread, a team… */
  key: string;
  /** Units this request costs (directory resource units); 1 when absent. */
  cost?: number;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; rule: LimitRule };

export interface Limits {
  readonly enabled: boolean;
  /** Takes every request's units, or none of them when any limit is exhausted. */
  take(requests: LimitRequest[]): LimitDecision;
  /** 429s issued so far, per rule. */
  throttled(): Record<string, number>;
  reset(): void;
}

export type FaultService = 'graph' | 'connector' | 'entra';

export interface FaultDecision {
  /** Answer with this status (429 or 5xx) instead of handling the request. */
  status?: number;
  /** The `Retry-After` of an injected 429, in seconds. */
  retryAfterSeconds?: number;
  /** Delay the answer by this many milliseconds. */
  latencyMs?: number;
  /** Destroy the socket without an answer (a dropped connection / timeout seen by the client). */
  drop?: boolean;
  /** Which configured fault rule fired, for the inspection API. */
  ruleId: string;
}

export interface Faults {
  pick(service: FaultService, method: string, path: string): FaultDecision | undefined;
  /** Faults injected so far, per rule id. */
  injected(): Record<string, number>;
  reset(): void;
}

/** Request counters for the inspection API (for example `connector.send` answered per status). */
export interface Counters {
  add(name: string, by?: number): void;
  snapshot(): Record<string, number>;
  reset(): void;
}

/** What every part of the emulator is given. */
export interface EmulatorContext {
  state: TenantState;
  urls: EmulatorUrls;
  limits: Limits;
  faults: Faults;
  counters: Counters;
  signing: SigningKey;
  /** Where the emulated Teams posts activities for the bot (`/api/messages`), when a bot is attached. */
  botEndpoint: string | undefined;
  /** The personal tab the Teams client hosts (Herald's admin tab), when one is configured. */
  tab?: TabSettings;
  log(message: string, fields?: Record<string, unknown>): void;
}

/** Where the hosted tab lives and the resource its SSO tokens are for (the manifest's `webApplicationInfo`). */
export interface TabSettings {
  /** The tab's content URL (the manifest's `staticTabs[].contentUrl`). */
  url: string;
  /** `webApplicationInfo.resource`; defaults to `api://{tab host}/{the tenant's Graph client id}`. */
  resource?: string;
}

/** The authority's RS256 signing key, persisted across restarts (see `entra/keys.ts`). */
export interface SigningKey {
  kid: string;
  /** Signs a JWT with the given claims (iat/nbf/exp are the caller's). */
  sign(claims: Record<string, unknown>): Promise<string>;
  /** Verifies signature and expiry; returns the claims or throws. */
  verify(token: string): Promise<Record<string, unknown>>;
  /** The public key as a JWK (with `kid`, `use`, `alg`) for JWKS documents. */
  publicJwk: Record<string, unknown>;
}
