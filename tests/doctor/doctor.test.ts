import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import express from 'express';
import { ActivityHandler } from 'botbuilder';
import { createCloudAdapter } from '../../adapters/connector/cloud-adapter';
import { botRoute } from '../../api/http/bot-route';
import { startWebServer, type RunningWebServer } from '../../api/http/web-server';
import { createLogger } from '../../config/logger';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import type { CheckResult } from '../../doctor/check';
import { REQUIRED_GRAPH_ROLES } from '../../doctor/required-permissions';
import { formatResult, runDoctor } from '../../doctor/run-doctor';
import { doctorSettings, settingsFromEmulatorInfo } from '../../doctor/settings';

const run = promisify(execFile);
const rootDir = path.resolve(__dirname, '..', '..');

describe('npm run doctor against the emulator', () => {
  let emulator: RunningEmulator;
  let bot: RunningWebServer;
  let dir: string;
  let settings: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'herald-doctor-'));
    emulator = await startEmulator({ port: 0, users: 50, seed: 7, limits: 'off', stateDir: dir });
    const { info } = emulator;
    // Herald's real bot route: the CloudAdapter refuses unsigned calls with 401.
    const adapter = createCloudAdapter({ appId: info.botAppId, password: info.botAppPassword, tenantId: info.tenantId, authorityBaseUrl: info.authorityBaseUrl, channelOpenIdMetadataUrl: info.channelOpenIdMetadataUrl });
    const app = express().use(botRoute(adapter, new ActivityHandler(), createLogger({ level: 'silent' })));
    bot = await startWebServer(app, '127.0.0.1', 0);
    settings = { ...settingsFromEmulatorInfo(info), HERALD_PUBLIC_URL: bot.url, HERALD_DATABASE_URL: `sqlite:${path.join(dir, 'herald.db')}` };
  });

  afterAll(async () => {
    await bot?.close();
    await emulator?.close();
  });

  const byTitle = (results: CheckResult[], title: string): CheckResult => results.find((result) => result.title === title)!;

  it('when everything is configured, then every check passes, one line each', async () => {
    const results = await runDoctor(settings);
    expect(results.map((result) => [result.title, result.status])).toEqual([
      ['Configuration', 'pass'],
      ['Graph token', 'pass'],
      ['Graph permissions', 'pass'],
      ['App in the org catalog', 'pass'],
      ['Bot Framework token', 'pass'],
      ['Bot endpoint', 'pass'],
      ['Database', 'pass'],
    ]);
    for (const result of results) expect(formatResult(result)).toMatch(/^✓ [^\n]+$/);
  });

  it('when the Graph client secret is wrong, then the Graph token check names invalid_client and the setting to fix, and the Graph checks after it are skipped', async () => {
    const results = await runDoctor({ ...settings, HERALD_CLIENT_SECRET: 'not-the-secret' });
    const token = byTitle(results, 'Graph token');
    expect(token.status).toBe('fail');
    expect(token.detail).toContain('invalid_client');
    expect(token.fix).toContain('HERALD_CLIENT_SECRET');
    expect(formatResult(token)).not.toContain('not-the-secret');
    expect(byTitle(results, 'Graph permissions').status).toBe('skip');
    expect(byTitle(results, 'App in the org catalog').status).toBe('skip');
    expect(byTitle(results, 'Bot Framework token').status).toBe('pass');
  });

  it("when the bot's password is wrong, then the Bot Framework check names invalid_client and HERALD_BOT_PASSWORD", async () => {
    const check = byTitle(await runDoctor({ ...settings, HERALD_BOT_PASSWORD: 'wrong' }), 'Bot Framework token');
    expect(check).toMatchObject({ status: 'fail', detail: expect.stringContaining('invalid_client'), fix: expect.stringContaining('HERALD_BOT_PASSWORD') });
  });

  it('when admin consent lacks GroupMember.Read.All, then the permissions check names it and says an admin must consent', async () => {
    const narrowed = REQUIRED_GRAPH_ROLES.filter((role) => role !== 'GroupMember.Read.All');
    const answer = await fetch(`${emulator.info.inspectUrl}/graph-roles`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ roles: narrowed }) });
    expect(answer.status).toBe(200);
    try {
      const check = byTitle(await runDoctor(settings), 'Graph permissions');
      expect(check.status).toBe('fail');
      expect(check.detail).toContain('GroupMember.Read.All');
      expect(check.detail).not.toContain('User.Read.All');
      expect(check.fix).toMatch(/admin must grant consent.*API permissions/);
      expect(check.fix).toContain(`adminconsent?client_id=${settings.HERALD_CLIENT_ID}`);
    } finally {
      await fetch(`${emulator.info.inspectUrl}/graph-roles`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ roles: [...REQUIRED_GRAPH_ROLES] }) });
    }
  });

  it('when the catalog has no app with the configured externalId, then the catalog check says so and explains the publishing delay', async () => {
    const check = byTitle(await runDoctor({ ...settings, HERALD_APP_EXTERNAL_ID: '11111111-2222-4333-8444-555555555555' }), 'App in the org catalog');
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('11111111-2222-4333-8444-555555555555');
    expect(check.fix).toMatch(/teamsapp publish/);
    expect(check.fix).toMatch(/few hours/);
  });

  it('when HERALD_PUBLIC_URL points at something that is not a bot, then the endpoint check says it did not answer 401', async () => {
    const check = byTitle(await runDoctor({ ...settings, HERALD_PUBLIC_URL: emulator.info.origin }), 'Bot endpoint');
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(/answered \d+ .* answers 401/);
  });

  it('when nothing listens at HERALD_PUBLIC_URL, then the endpoint check says it cannot be reached', async () => {
    const closed = await startWebServer(express(), '127.0.0.1', 0);
    await closed.close();
    const check = byTitle(await runDoctor({ ...settings, HERALD_PUBLIC_URL: closed.url }), 'Bot endpoint');
    expect(check).toMatchObject({ status: 'fail', detail: expect.stringContaining('cannot be reached') });
  });

  it('when Herald is in its local (embedded emulator) mode, then the configuration check fails and says how to point doctor at a tenant', async () => {
    const [configuration] = await runDoctor({});
    expect(configuration).toMatchObject({ status: 'fail', fix: expect.stringContaining('--emulator-info') });
  });

  it('when Herald is in local mode and `npm start`\'s emulator answers on HERALD_EMULATOR_PORT, then doctor checks that emulator and the local bot', async () => {
    const local = await doctorSettings({
      HERALD_EMULATOR_PORT: new URL(emulator.info.origin).port,
      HERALD_PORT: new URL(bot.url).port,
      HERALD_DATABASE_URL: settings.HERALD_DATABASE_URL,
    });
    expect(local).toMatchObject({ HERALD_EMULATOR: 'off', HERALD_CLIENT_ID: emulator.info.graphClientId, HERALD_PUBLIC_URL: bot.url });
    expect((await runDoctor(local)).filter((result) => result.status !== 'pass')).toEqual([]);
  });

  it('when run from the command line with --emulator-info, then it prints a ✓ line per check and exits 0', async () => {
    const infoFile = path.join(dir, 'emulator-info.json');
    writeFileSync(infoFile, `${JSON.stringify(emulator.info)}\n`);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, HERALD_PUBLIC_URL: bot.url, HERALD_DATABASE_URL: settings.HERALD_DATABASE_URL };
    const { stdout } = await run('npx', ['tsx', 'doctor/main.ts', '--emulator-info', infoFile], { cwd: rootDir, env });
    const lines = stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('✓ '))).toHaveLength(7);
    expect(lines.at(-1)).toBe('Herald is ready for its first broadcast.');
  });

  it('when run from the command line and a check fails, then it exits 1', async () => {
    const infoFile = path.join(dir, 'emulator-info.json');
    writeFileSync(infoFile, `${JSON.stringify(emulator.info)}\n`);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, HERALD_DATABASE_URL: settings.HERALD_DATABASE_URL };
    await expect(run('npx', ['tsx', 'doctor/main.ts', '--emulator-info', infoFile], { cwd: rootDir, env })).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('✗ Bot endpoint: HERALD_PUBLIC_URL is not set'),
    });
  });
});
