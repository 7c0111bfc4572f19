import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { MessageActivityInput, PUBLIC, withOverrides } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import { ConsoleLogger } from '@microsoft/teams.common';
import type { EmulatedUser } from '../../../emulator/tenant/model';
import { startHttpsEmulator, type HttpsEmulator } from './https-emulator';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive' as const;

interface Arrival {
  type: string;
  name?: string;
  action?: string;
  conversationId: string;
  activity: Record<string, unknown>;
}

/**
 * The Teams SDK (`@microsoft/teams.apps` 2.x, botbuilder's successor; a development dependency only: Herald keeps
 * botbuilder) driven against the https emulator with its documented extension points and nothing else:
 * - inbound: its own JWT validation, with a cloud environment whose `openIdMetadataUrl` is the emulator's channel
 *   metadata (the SDK derives the keys URL from it, checks issuer, audience and `serviceurl`);
 * - outbound: `serviceUrl` on the emulator's Connector and the `token` option (here msal-node against the emulator).
 */
describe('the Teams SDK (@microsoft/teams.apps) against the https emulator', () => {
  let https: HttpsEmulator;
  let app: App;
  let server: http.Server;
  const arrivals: Arrival[] = [];
  const arrived = new EventEmitter();
  const cardAnswer = { type: 'AdaptiveCard' as const, version: '1.5' as const, body: [{ type: 'TextBlock' as const, text: 'Thanks, noted.' }] };

  beforeAll(async () => {
    https = await startHttpsEmulator();
    const { info } = https.emulator;
    const msal = new ConfidentialClientApplication({
      auth: { clientId: info.botAppId, clientSecret: info.botAppPassword, authority: `${info.authorityBaseUrl}/botframework.com`, knownAuthorities: [https.host] },
    });
    server = http.createServer();
    app = new App({
      clientId: info.botAppId,
      serviceUrl: info.botServiceUrl,
      cloud: withOverrides(PUBLIC, { openIdMetadataUrl: info.channelOpenIdMetadataUrl, loginEndpoint: info.authorityBaseUrl }),
      token: async (scope) => {
        const result = await msal.acquireTokenByClientCredential({ scopes: Array.isArray(scope) ? scope : [scope] });
        return result!.accessToken;
      },
      httpServerAdapter: new ExpressAdapter(server),
      logger: new ConsoleLogger('teams-sdk-contract', { level: 'error' }),
    });
    const record = (activity: Record<string, unknown> & { type: string; conversation: { id: string } }): void => {
      const arrival = { type: activity.type, name: activity.name as string | undefined, action: activity.action as string | undefined, conversationId: activity.conversation.id, activity };
      arrivals.push(arrival);
      arrived.emit('arrival', arrival);
    };
    app.on('conversationUpdate', async ({ activity }) => record(activity as never));
    app.on('installationUpdate', async ({ activity }) => record(activity as never));
    app.on('card.action', async ({ activity }) => {
      record(activity as never);
      return { statusCode: 200 as const, type: ADAPTIVE_CARD, value: cardAnswer };
    });
    await app.initialize();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    https.emulator.setBotEndpoint(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await https.close();
  });

  const waitFor = (match: (arrival: Arrival) => boolean): Promise<Arrival> =>
    new Promise((resolve) => {
      const known = arrivals.find(match);
      if (known) return resolve(known);
      const listener = (arrival: Arrival): void => {
        if (!match(arrival)) return;
        arrived.off('arrival', listener);
        resolve(arrival);
      };
      arrived.on('arrival', listener);
    });
  const licensed = (index: number): EmulatedUser =>
    https.emulator.context.state.directory.users.filter((user) => user.hasTeamsLicense && user.accountEnabled && user.userType === 'Member')[index]!;
  const installFor = async (user: EmulatedUser): Promise<string> => {
    const installation = https.emulator.context.state.install('user', user.id, https.emulator.info.id)!;
    await waitFor((arrival) => arrival.type === 'installationUpdate' && arrival.conversationId === installation.conversationId);
    return installation.conversationId;
  };
  const card = (title: string) => ({
    type: 'AdaptiveCard' as const,
    version: '1.5' as const,
    body: [{ type: 'TextBlock' as const, text: title }],
    actions: [{ type: 'Action.Execute' as const, title: 'Acknowledge', verb: 'ack', data: { notificationId: 'n-1' } }],
  });

  it('when the app is installed for a user, then the SDK accepts the signed conversationUpdate and installationUpdate', async () => {
    const user = licensed(0);
    const conversationId = await installFor(user);
    const install = await waitFor((arrival) => arrival.type === 'installationUpdate' && arrival.conversationId === conversationId);
    const update = await waitFor((arrival) => arrival.type === 'conversationUpdate' && arrival.conversationId === conversationId);
    expect(install.action).toBe('add');
    expect(install.activity).toMatchObject({ serviceUrl: https.emulator.info.botServiceUrl, channelData: { tenant: { id: https.emulator.info.tenantId } } });
    expect((update.activity.membersAdded as Array<{ id: string }>).map((member) => member.id)).toContain(user.teamsUserId);
  });

  it('when an activity carries a token the channel did not sign, then the SDK refuses it with 401', async () => {
    const { port } = server.address() as AddressInfo;
    // The SDK logs the refusal through console.error; kept out of the test output, and checked.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const forged = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2ln' },
      body: JSON.stringify({ type: 'message', serviceUrl: https.emulator.info.botServiceUrl, conversation: { id: 'x' }, from: { id: 'x' }, recipient: { id: 'x' }, channelId: 'msteams' }),
    });
    const lines = logged.mock.calls.flat().map(String).join(' ');
    logged.mockRestore();
    expect(forged.status).toBe(401);
    expect(lines).toMatch(/JWT validation failed/);
  });

  it('when the SDK sends, updates and deletes a card through the Connector, then Teams stores each change in the chat', async () => {
    const user = licensed(1);
    const conversationId = await installFor(user);
    const sent = await app.send(conversationId, new MessageActivityInput().addCard('adaptive', card('Office closed Friday')));
    expect(sent.id).toBeTruthy();
    const stored = () => https.emulator.context.state.conversations.get(conversationId)!.activities.find((activity) => activity.id === sent.id);
    expect(stored()?.activity.attachments).toEqual([expect.objectContaining({ contentType: ADAPTIVE_CARD, content: expect.objectContaining({ body: [expect.objectContaining({ text: 'Office closed Friday' })] }) })]);

    await app.api.conversations.activities(conversationId).update(sent.id, new MessageActivityInput().addCard('adaptive', card('Office closed Friday and Monday')));
    expect(stored()?.activity.attachments).toEqual([expect.objectContaining({ content: expect.objectContaining({ body: [expect.objectContaining({ text: 'Office closed Friday and Monday' })] }) })]);

    await app.api.conversations.activities(conversationId).delete(sent.id);
    expect(stored()).toMatchObject({ deleted: true });
  });

  it('when a person clicks Action.Execute in the Teams client, then the SDK gets the adaptiveCard/action invoke and its card replaces the message', async () => {
    const user = licensed(2);
    const conversationId = await installFor(user);
    const sent = await app.send(conversationId, new MessageActivityInput().addCard('adaptive', card('Please acknowledge')));
    const clicked = await fetch(`${https.emulator.info.teamsClientUrl}api/conversations/${encodeURIComponent(conversationId)}/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: user.id, activityId: sent.id, action: { verb: 'ack', data: { notificationId: 'n-1' } } }),
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.json()).toEqual({ kind: 'card', card: cardAnswer, replaced: true });
    const invoke = await waitFor((arrival) => arrival.type === 'invoke' && arrival.conversationId === conversationId);
    expect(invoke.name).toBe('adaptiveCard/action');
    expect(invoke.activity.value).toMatchObject({ action: { type: 'Action.Execute', verb: 'ack', data: { notificationId: 'n-1' } } });
    expect((invoke.activity.from as { aadObjectId?: string }).aadObjectId).toBe(user.id);
  });
});
