// The Teams side of @microsoft/teams-js' postMessage protocol, for one personal tab in an iframe.
//
// teams-js (2.x) posts requests `{ id, uuidAsString, func, args, apiVersionTag, … }` to its parent window and
// waits for `{ id, uuidAsString, args }`; the host pushes events as `{ func, args }` (no id). The calls a tab makes
// first, and what the Teams web client answers:
//   initialize                   → [frameContext, hostClientType, runtime config (JSON string), host SDK version]
//   getContext                   → [context in the wire shape teams-js maps to app.Context]
//   authentication.getAuthToken  → [true, token] or [false, reason]
//   registerHandler [name]       → no answer; the host now sends that event (themeChange)

/** Host SDK version reported to the tab; teams-js uses it only to gate APIs older hosts lack. */
const HOST_SDK_VERSION = '2.58.0';

/**
 * What this host supports: `isSupported()` of a capability is true only when it is listed here. Only what the
 * client really answers is listed (`app` and `authentication` have no such switch: every host has them).
 */
const RUNTIME = {
  apiVersion: 4,
  isLegacyTeams: false,
  isNAAChannelRecommended: false,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: { teamsCore: {} },
};

/** teams-js' ErrorCode.NOT_SUPPORTED_ON_PLATFORM. */
const NOT_SUPPORTED_ON_PLATFORM = 100;

/** Fire-and-forget notifications a tab may send (teams-js' `app.notify…`): acknowledged with an empty answer. */
const NOTIFICATIONS = new Set(['appInitialization.appLoaded', 'appInitialization.success', 'appInitialization.failure', 'appInitialization.expectedFailure']);

export class TabHost {
  /**
   * @param {{ frame: HTMLIFrameElement, tab: { url: string, origin: string }, user: { id: string },
   *           theme: string, onCall?: (func: string) => void }} options
   */
  constructor({ frame, tab, user, theme, onCall }) {
    this.frame = frame;
    this.tab = tab;
    this.user = user;
    this.theme = theme;
    this.onCall = onCall ?? (() => undefined);
    this.handlers = new Set();
    this.sessionId = crypto.randomUUID();
    this.listener = (event) => void this.receive(event);
    window.addEventListener('message', this.listener);
  }

  stop() {
    window.removeEventListener('message', this.listener);
  }

  /** The user switched theme: tell the tab if it asked to hear about it, as Teams does. */
  setTheme(theme) {
    this.theme = theme;
    if (this.handlers.has('themeChange')) this.post({ func: 'themeChange', args: [theme] });
  }

  async receive(event) {
    // Only the framed tab, from the tab's own origin, may talk to the host (Teams checks the manifest's domains).
    if (event.source !== this.frame.contentWindow || event.origin !== this.tab.origin) return;
    const message = event.data;
    if (!message || typeof message !== 'object' || typeof message.func !== 'string' || typeof message.id !== 'number') return;
    this.onCall(message.func);
    const args = Array.isArray(message.args) ? message.args : [];
    if (message.func === 'registerHandler') {
      if (typeof args[0] === 'string') this.handlers.add(args[0]);
      return;
    }
    const answer = await this.answer(message.func, args).catch((error) => [{ errorCode: 500, message: String(error?.message ?? error) }]);
    this.post({ id: message.id, uuidAsString: message.uuidAsString, args: answer });
  }

  async answer(func, args) {
    if (func === 'initialize') return ['content', 'web', JSON.stringify(RUNTIME), HOST_SDK_VERSION];
    if (func === 'getContext') return [await this.context()];
    if (func === 'authentication.getAuthToken') return this.authToken();
    if (NOTIFICATIONS.has(func)) return [];
    return [{ errorCode: NOT_SUPPORTED_ON_PLATFORM, message: `${func} is not supported by the emulated Teams client (args: ${args.length})` }];
  }

  async context() {
    const query = new URLSearchParams({ userId: this.user.id, tab: this.tab.url });
    const { context } = await getJson(`api/tab/context?${query}`);
    return { ...context, theme: this.theme, appSessionId: this.sessionId, sessionId: this.sessionId, appLaunchId: this.sessionId, userClickTime: Date.now() };
  }

  /** The SSO token Entra gives Teams for the signed-in user and the tab's `webApplicationInfo.resource`. */
  async authToken() {
    const response = await fetch('api/tab/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: this.user.id, tab: this.tab.url }),
    });
    const json = await response.json().catch(() => ({}));
    return response.ok ? [true, json.token] : [false, json.error?.message ?? `HTTP ${response.status}`];
  }

  post(message) {
    this.frame.contentWindow?.postMessage(message, this.tab.origin);
  }
}

async function getJson(url) {
  const response = await fetch(url);
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error?.message ?? `HTTP ${response.status}`);
  return json;
}
