import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import type { RunningEmulator } from '../../../emulator/server';
import { msalFor } from './harness';

/** A tiny bot: botbuilder's CloudAdapter behind `/api/messages`, configured (only) to trust the emulator. */
export interface TestBot {
  adapter: CloudAdapter;
  endpoint: string;
  received: Activity[];
  /** The activity exactly as it came over the wire (botbuilder turns timestamps into Dates). */
  wireOf(activity: Activity): Record<string, unknown>;
  /** Resolves with the first received activity (past or future) that matches. */
  waitFor(match: (activity: Activity) => boolean): Promise<Activity>;
  close(): Promise<void>;
}

export async function startTestBot(emulator: RunningEmulator, options: { port?: number; onTurn?: (context: TurnContext) => Promise<void> } = {}): Promise<TestBot> {
  const botAppId = emulator.info.botAppId;
  const msal = await msalFor(emulator, { clientId: botAppId, clientSecret: emulator.info.botAppPassword }, 'botframework.com');
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: botAppId,
      MicrosoftAppType: 'MultiTenant',
      // Setting any of these makes botbuilder take all of them from here: the public cloud's values,
      // except where the channel's keys are published.
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      OAuthUrl: 'https://api.botframework.com',
      ToBotFromChannelOpenIdMetadataUrl: emulator.info.channelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
      CallerId: 'urn:botframework:azure',
    },
    new MsalServiceClientCredentialsFactory(botAppId, msal),
  );
  const adapter = new CloudAdapter(auth);
  const received: Activity[] = [];
  const wire = new Map<string, Record<string, unknown>>();
  const arrivals = new EventEmitter();
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/api/messages', (req, res) => {
    wire.set(String(req.body?.id), structuredClone(req.body));
    void adapter.process(req, res, async (context) => {
      received.push(context.activity);
      arrivals.emit('activity', context.activity);
      await options.onTurn?.(context);
    });
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(listening));
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  emulator.setBotEndpoint(endpoint);
  return {
    adapter,
    endpoint,
    received,
    wireOf: (activity) => wire.get(String(activity.id)) ?? {},
    waitFor: (match) =>
      new Promise((resolve) => {
        const seen = received.find(match);
        if (seen) return resolve(seen);
        const listener = (activity: Activity): void => {
          if (!match(activity)) return;
          arrivals.off('activity', listener);
          resolve(activity);
        };
        arrivals.on('activity', listener);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
