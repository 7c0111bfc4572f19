import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEnv } from '../../../config/env';
import { createLogger } from '../../../config/logger';
import { composeHerald, type Herald } from '../../../app/compose-herald';
import type { EmulatorOptions, RunningEmulator } from '../../../emulator/server';
import { startTestEmulator } from '../../support/emulator';
import { reachableMembers } from '../../support/deliveries';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** Herald composed as `npm start` does it (serve `full`, API and tab) on port 0, against an in-process emulator. */
export interface ApiHerald {
  herald: Herald;
  emulator: RunningEmulator;
  baseUrl: string;
  /** The tab's SSO resource, as /api/tab-config names it. */
  resource: string;
  adminUpn: string;
  /** An SSO token from the emulator's Entra, as Teams would hand it to the tab. */
  tokenFor(upn: string, resource?: string): Promise<string>;
  call(token: string | undefined, method: string, route: string, body?: unknown): Promise<Answer>;
  close(): Promise<void>;
}

export async function startApiHerald(options: { emulator?: Partial<EmulatorOptions>; env?: Record<string, string> } = {}): Promise<ApiHerald> {
  const emulator = await startTestEmulator(options.emulator);
  const adminUpn = reachableMembers(emulator)[0]!.userPrincipalName;
  const databaseUrl = `sqlite:${path.join(mkdtempSync(path.join(tmpdir(), 'herald-api-')), 'herald.db')}`;
  const herald = await composeHerald({
    env: loadEnv({ HERALD_DATABASE_URL: databaseUrl, HERALD_PORT: '0', HERALD_ADMINS: adminUpn, HERALD_LOG_LEVEL: 'silent', ...options.env }),
    logger: createLogger({ level: process.env.HERALD_TEST_LOG ?? 'silent' }),
    serve: 'full',
    emulator,
  });
  const baseUrl = herald.web!.url;
  const config = (await (await fetch(`${baseUrl}/api/tab-config`)).json()) as { standalone: { resource: string } };
  const info = emulator.info;

  const tokenFor = async (upn: string, resource = config.standalone.resource): Promise<string> => {
    const response = await fetch(`${info.authorityBaseUrl}/${info.tenantId}/_emulator/sso-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn, resource }),
    });
    if (!response.ok) throw new Error(`the emulator refused an SSO token for ${upn}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  };

  const call = async (token: string | undefined, method: string, route: string, body?: unknown): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, body: type.includes('json') && text ? JSON.parse(text) : text, headers: response.headers };
  };

  return {
    herald,
    emulator,
    baseUrl,
    resource: config.standalone.resource,
    adminUpn,
    tokenFor,
    call,
    close: async () => {
      await herald.close().catch(() => undefined);
      await emulator.close();
    },
  };
}

/** Reads server-sent events until `stop` says so (or the time runs out); answers the events seen, in order. */
export async function readEvents(url: string, stop: (events: Array<{ event: string; data: any }>) => boolean, timeoutMs = 60_000): Promise<Array<{ event: string; data: any }>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const events: Array<{ event: string; data: any }> = [];
  try {
    const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
    if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}: ${await response.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data !== undefined) events.push({ event, data: JSON.parse(data) });
      }
      if (stop(events)) break;
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return events;
}
