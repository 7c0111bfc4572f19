import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { ActivityHandler } from 'botbuilder';
import { generateKeyPair, SignJWT } from 'jose';
import type { RunningEmulator } from '../../../emulator/server';
import { signChannelToken } from '../../../emulator/teams/bot-client';
import { createCloudAdapter } from '../../../adapters/connector/cloud-adapter';
import { MAX_ACTIVITY_DEPTH, botRoute, nestsDeeperThan } from '../../../api/http/bot-route';
import { startWebServer, type RunningWebServer } from '../../../api/http/web-server';
import { startTestEmulator } from '../../support/emulator';

describe('/api/messages refuses unauthenticated calls before reading their bodies', () => {
  let emulator: RunningEmulator;
  let web: RunningWebServer;
  const lines: Array<Record<string, unknown>> = [];
  let turns = 0;
  let consoleErrors: jest.SpyInstance;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    const info = emulator.info;
    const adapter = createCloudAdapter({ appId: info.botAppId, password: info.botAppPassword, tenantId: info.tenantId, authorityBaseUrl: info.authorityBaseUrl, channelOpenIdMetadataUrl: info.channelOpenIdMetadataUrl });
    const log = pino({ level: 'debug' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) }));
    const bot = new ActivityHandler();
    bot.onMessage(async (_context, next) => {
      turns += 1;
      await next();
    });
    const app = express();
    app.use(botRoute(adapter, bot, log));
    web = await startWebServer(app, '127.0.0.1', 0);
  });
  beforeEach(() => {
    lines.length = 0;
    turns = 0;
    // botbuilder prints every refused call with its stack trace (console.error) when it gets to authenticate it.
    consoleErrors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => consoleErrors.mockRestore());
  afterAll(async () => {
    await web.close();
    await emulator.close();
  });

  const channelToken = () => signChannelToken(emulator.context, emulator.info.botAppId, emulator.info.botServiceUrl);
  const message = (extra: Record<string, unknown> = {}) => ({
    type: 'message',
    id: 'm1',
    channelId: 'msteams',
    serviceUrl: emulator.info.botServiceUrl,
    from: { id: '29:someone', aadObjectId: '00000000-0000-4000-8000-00000000aaaa' },
    recipient: { id: `28:${emulator.info.botAppId}` },
    conversation: { id: 'a:1', conversationType: 'personal', tenantId: emulator.info.tenantId },
    channelData: { tenant: { id: emulator.info.tenantId } },
    text: 'hello',
    ...extra,
  });
  const post = (body: string, authorization?: string) =>
    fetch(`${web.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });
  /** A 5 MB body, and one nested 100,000 deep: both cost the server real work to parse. */
  const huge = () => JSON.stringify(message({ text: 'x'.repeat(5 * 1024 * 1024) }));
  const deep = `{"type":"message","value":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;

  async function forged(): Promise<string> {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: emulator.info.botServiceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: emulator.context.signing.kid, typ: 'JWT' })
      .setIssuer('https://api.botframework.com')
      .setAudience(emulator.info.botAppId)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey);
  }

  it('when a large or deeply nested body comes without a token, a malformed one or a forged one, then 401 before it is read', async () => {
    const refusals = [undefined, 'Basic dXNlcjpwYXNz', 'Bearer not-a-jwt', `Bearer ${await forged()}`];
    for (const authorization of refusals) {
      for (const body of [huge(), deep]) {
        const answer = await post(body, authorization);
        // Not 413 (the body was never read) and not 400 (it was never parsed).
        expect({ authorization, status: answer.status }).toEqual({ authorization, status: 401 });
        expect(await answer.json()).toEqual({ error: { code: 'unauthenticated', message: expect.stringContaining('Bearer') } });
      }
    }
    expect(turns).toBe(0);
  });

  it('when a call is refused, then one warning line says why, with no stack trace, and botbuilder prints nothing', async () => {
    await post(JSON.stringify(message()));
    await post(JSON.stringify(message()), `Bearer ${await forged()}`);
    const refused = lines.filter((line) => line.msg === 'bot call refused');
    expect(refused.map((line) => line.reason)).toEqual(['no Authorization header', expect.stringMatching(/signature|Unauthorized|invalid/i)]);
    expect(JSON.stringify(lines)).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
    expect(lines.every((line) => line.err === undefined && line.level === 40)).toBe(true);
    expect(consoleErrors).not.toHaveBeenCalled();
  });

  it('when the channel signs the call, then an activity is handled, and only an oversized or over-nested body is refused', async () => {
    const token = `Bearer ${await channelToken()}`;
    expect((await post(JSON.stringify(message()), token)).status).toBe(200);
    expect(turns).toBe(1);
    // A real compose-box preview nests a card inside the activity: well within the limits.
    const preview = message({ value: { botActivityPreview: [{ attachments: [{ content: { body: [{ type: 'Container', items: [{ type: 'ColumnSet', columns: [{ items: [{ type: 'TextBlock', text: 'x'.repeat(28_000) }] }] }] }] } }] }] } });
    expect((await post(JSON.stringify(preview), token)).status).toBe(200);

    const tooLarge = await post(JSON.stringify(message({ text: 'x'.repeat(300 * 1024) })), token);
    expect(tooLarge.status).toBe(413);
    const tooDeep = await post(deep, token);
    expect(tooDeep.status).toBe(400);
    expect(await tooDeep.json()).toEqual({ error: { code: 'validation_failed', message: `The body nests deeper than ${MAX_ACTIVITY_DEPTH} levels; no Bot Framework activity does.` } });
    expect(turns).toBe(2);
  });

  it('nesting is counted outside strings only', () => {
    expect(nestsDeeperThan('{"a":"[[[[[[[[[[[[[[[["}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\"[[[[","b":[[[[1]]]]}', 3)).toBe(true);
    expect(nestsDeeperThan('[[[1]],[[2]]]', 3)).toBe(false);
  });
});
