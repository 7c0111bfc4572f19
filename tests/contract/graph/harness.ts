import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { graphToken } from './token';

export interface GraphReply {
  status: number;
  headers: Headers;
  body: any;
}

export interface GraphHarness {
  emulator: RunningEmulator;
  token: string;
  /** Calls a path relative to the v1.0 base (`/users`), or any absolute URL such as an `@odata.nextLink`. */
  call(method: string, pathOrUrl: string, options?: { headers?: Record<string, string>; body?: unknown; token?: string | null }): Promise<GraphReply>;
  get(pathOrUrl: string, headers?: Record<string, string>): Promise<GraphReply>;
  close(): Promise<void>;
}

/** Starts the real emulator on a free port, with a token carrying the default consented roles. */
export async function startGraph(options: { limits?: 'real' | 'off'; users?: number } = {}): Promise<GraphHarness> {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'herald-graph-'));
  const emulator = await startEmulator({ port: 0, users: options.users ?? 50, seed: 7, limits: options.limits ?? 'off', stateDir });
  const token = await graphToken(emulator);
  const call: GraphHarness['call'] = async (method, pathOrUrl, { headers = {}, body, token: override } = {}) => {
    const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${emulator.info.graphBaseUrl}${pathOrUrl}`;
    const bearer = override === undefined ? token : override;
    const response = await fetch(url, {
      method,
      headers: { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Plain text ($count) stays a string.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return {
    emulator,
    token,
    call,
    get: (pathOrUrl, headers) => call('GET', pathOrUrl, { headers }),
    close: async () => {
      await emulator.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
