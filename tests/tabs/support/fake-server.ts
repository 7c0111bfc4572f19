/** One request the tab made, as the fake server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeAnswer {
  status?: number;
  json?: unknown;
  text?: string;
}

type Handler = (request: SeenRequest, params: Record<string, string>) => FakeAnswer | Promise<FakeAnswer>;

/**
 * Herald's API and the emulator's SSO door as the tab sees them over fetch: routes answer canned JSON, and every
 * request is recorded so tests can assert what the tab sent.
 */
export function createFakeServer() {
  const routes: { method: string; pattern: RegExp; keys: string[]; handler: Handler }[] = [];
  const requests: SeenRequest[] = [];

  const on = (method: string, path: string, answer: Handler | unknown) => {
    const keys: string[] = [];
    const pattern = new RegExp(`^${path.replace(/:(\w+)/g, (_, key: string) => (keys.push(key), '([^/]+)'))}$`);
    const handler: Handler = typeof answer === 'function' ? (answer as Handler) : () => ({ json: answer });
    routes.unshift({ method, pattern, keys, handler });
  };

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://tab.test');
    const request: SeenRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    requests.push(request);
    for (const route of routes) {
      const match = route.method === request.method ? route.pattern.exec(request.path) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.keys.map((key, index) => [key, decodeURIComponent(match[index + 1] ?? '')]));
      return fakeResponse(await route.handler(request, params));
    }
    return fakeResponse({ status: 404, json: { error: { code: 'not_found', message: `No route ${request.method} ${request.path}` } } });
  };

  return {
    on,
    fetch,
    requests,
    to: (method: string, path: string) => requests.filter((request) => request.method === method && request.path === path),
  };
}

export type FakeServer = ReturnType<typeof createFakeServer>;

function fakeResponse(answer: FakeAnswer): Response {
  const status = answer.status ?? (answer.json === undefined && answer.text === undefined ? 204 : 200);
  const text = answer.text ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => JSON.parse(text),
    text: async () => text,
    blob: async () => new Blob([text], { type: 'text/csv' }),
  } as Response;
}
