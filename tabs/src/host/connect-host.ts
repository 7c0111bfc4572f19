import { loadTabConfig } from './tab-config';
import { standaloneTokenGetter } from './standalone-token';
import { teamsJsSdk, type HostUser, type TeamsSdk } from './teams-sdk';
import { toHostTheme, type HostTheme } from './host-theme';

/** Where the tab runs and how it gets a token; components see only this, never which host it is. */
export interface HostSession {
  kind: 'teams' | 'standalone';
  theme: HostTheme;
  user: HostUser;
  /** The person's language and region (BCP 47): Teams' `app.locale`, or the browser's outside Teams. */
  locale: string;
  getToken(): Promise<string>;
  /** Calls `listener` whenever the host switches theme; returns the unsubscribe. */
  onThemeChange(listener: (theme: HostTheme) => void): () => void;
}

export interface ConnectOptions {
  sdk?: TeamsSdk;
  fetch?: typeof fetch;
  /** The page address; `?standalone=1` skips Teams, `?upn=`, `?theme=` and `?locale=` shape a standalone session. */
  href?: string;
  /** Whether a host could be listening: framed, opened by another window, or inside a Teams mobile webview. */
  hosted?: boolean;
  /** How long to wait for a Teams host before signing in standalone. */
  timeoutMs?: number;
  baseUrl?: string;
}

const DEFAULT_TIMEOUT_MS = 4000;

export async function connectHost(options: ConnectOptions = {}): Promise<HostSession> {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const url = new URL(options.href ?? window.location.href);
  const config = await loadTabConfig(fetchImpl, options.baseUrl ?? '');
  const wantTeams = url.searchParams.get('standalone') !== '1' && (options.hosted ?? isHosted());
  if (wantTeams) {
    const session = await connectTeams(options.sdk ?? teamsJsSdk, config.teamsHostOrigins, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (session) return session;
  }
  if (!config.standalone) throw new Error('Herald must be opened in Microsoft Teams.');
  const upn = url.searchParams.get('upn') ?? config.standalone.defaultUpn;
  return {
    kind: 'standalone',
    theme: toHostTheme(url.searchParams.get('theme')),
    user: { upn },
    locale: url.searchParams.get('locale') ?? (typeof navigator === 'undefined' ? 'en-US' : navigator.language),
    getToken: standaloneTokenGetter(config.standalone, upn, fetchImpl),
    onThemeChange: () => () => undefined,
  };
}

async function connectTeams(sdk: TeamsSdk, origins: string[], timeoutMs: number): Promise<HostSession | undefined> {
  const initialized = await withTimeout(sdk.initialize(origins), timeoutMs);
  if (!initialized) return undefined;
  const context = await sdk.getContext();
  const listeners = new Set<(theme: HostTheme) => void>();
  sdk.onThemeChange((name) => listeners.forEach((listener) => listener(toHostTheme(name))));
  return {
    kind: 'teams',
    theme: toHostTheme(context.theme),
    user: context.user,
    locale: context.locale ?? 'en-US',
    getToken: () => sdk.getAuthToken(),
    onThemeChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** True when the host answered in time; a rejected or silent initialize means no Teams host is there. */
async function withTimeout(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isHosted(): boolean {
  return window.self !== window.top || window.opener !== null || 'nativeInterface' in window;
}
