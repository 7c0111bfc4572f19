import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEnv } from '../../../config/env';
import { createLogger } from '../../../config/logger';
import { composeHerald, type Herald } from '../../../app/compose-herald';
import type { RunningEmulator } from '../../../emulator/server';
import { finished } from '../../support/herald';
import { deliveriesByUser, reachableMembers, simpleCard } from '../../support/deliveries';

/**
 * HERALD_EMULATOR_TLS=on: the embedded emulator serves https with its local CA, and Herald's own clients (msal-node,
 * Graph over fetch, botbuilder's CloudAdapter for the Connector and for the channel's keys) reach it as they reach
 * Microsoft, trusting the CA in-process as NODE_EXTRA_CA_CERTS would.
 */
describe('Herald on the embedded emulator over https (HERALD_EMULATOR_TLS=on)', () => {
  let herald: Herald;
  let emulator: RunningEmulator;
  beforeAll(async () => {
    const databaseUrl = `sqlite:${path.join(mkdtempSync(path.join(tmpdir(), 'herald-db-')), 'herald.db')}`;
    herald = await composeHerald({
      env: loadEnv({
        HERALD_DATABASE_URL: databaseUrl,
        HERALD_LOG_LEVEL: 'silent',
        HERALD_EMULATOR: 'embedded',
        HERALD_EMULATOR_TLS: 'on',
        HERALD_EMULATOR_PORT: '0',
        HERALD_EMULATOR_USERS: '40',
        HERALD_EMULATOR_LIMITS: 'off',
      }),
      logger: createLogger({ level: 'silent' }),
      serve: 'bot',
    });
    emulator = herald.emulator!.running!;
  });
  afterAll(() => herald.close());

  it('when Herald starts its emulator with TLS, then every URL it was given is https and the CA is the one in the state directory', () => {
    expect(herald.settings.graphBaseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/graph\/v1\.0$/);
    expect(herald.settings.botServiceUrl).toMatch(/^https:/);
    expect(emulator.info.caCertPath).toBe(path.resolve('.herald', 'emulator', 'ca.pem'));
  });

  it('when a card is sent to people who never had Herald, then it installs, finds each chat and delivers over https', async () => {
    const people = reachableMembers(emulator).slice(0, 3).map((user) => user.id);
    const notification = await herald.engine.createNotification({
      tenantId: herald.settings.tenantId,
      title: 'Over https',
      card: simpleCard('Hello over https'),
      audience: { include: people.map((id) => ({ kind: 'user' as const, id })) },
      createdBy: 'test',
    });
    await herald.engine.send(notification.id);
    expect(await finished(herald, notification.id)).toBe('completed');
    expect((await herald.engine.counts(notification.id)).sent).toBe(3);
    const deliveries = deliveriesByUser(emulator);
    for (const id of people) expect(deliveries.get(id)).toBeGreaterThanOrEqual(1);
  });

  it("when a person writes to the bot, then Herald's bot validates the channel's token with keys fetched over https", async () => {
    const person = reachableMembers(emulator)[0]!;
    const conversation = emulator.context.state.personalConversation(person.id, emulator.info.botAppId);
    const written = await fetch(`${emulator.info.teamsClientUrl}api/conversations/${encodeURIComponent(conversation.id)}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: person.id, text: 'hello' }),
    });
    expect(written.status).toBe(201);
    expect((await written.json()).botStatus).toBe(200);
  });
});
