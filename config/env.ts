import { z } from 'zod';
import { HeraldError } from '../core/errors/herald-error';

const list = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));
const optionalUrl = z.string().url().optional();

/**
 * Every setting Herald reads, in one schema. This file is the only reader of `process.env`.
 * With no tenant settings at all, Herald runs on the built-in Microsoft 365 emulator (the local mode).
 */
export const envSchema = z
  .object({
    HERALD_PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HERALD_HOST: z.string().default('127.0.0.1'),
    /** Where Teams and browsers reach Herald (tab, API, bot); defaults to the local address. */
    HERALD_PUBLIC_URL: optionalUrl,
    HERALD_DATABASE_URL: z.string().default('sqlite:.herald/herald.db'),
    HERALD_REDIS_URL: optionalUrl,
    /** Scale-out: `web` serves tab, API and bot; `worker` delivers; `all` (default) does both. */
    HERALD_ROLE: z.enum(['web', 'worker', 'all']).default('all'),
    /**
     * Where `GET /metrics` (Prometheus) is served: `public` (default) on HERALD_PORT beside the tab and the bot;
     * a port number, on a listener of its own at HERALD_HOST (keep that port off the internet: only the scraper
     * needs it); `off`, nowhere.
     */
    HERALD_METRICS: z
      .string()
      .regex(/^(public|off|\d{1,5})$/, 'must be public, off or a port number')
      .default('public')
      .transform((value): MetricsSetting => (value === 'public' || value === 'off' ? { serve: value } : { serve: 'port', port: Number(value) }))
      .refine((value) => value.serve !== 'port' || (value.port >= 1 && value.port <= 65535), 'the port must be between 1 and 65535'),
    /** `npm run worker`: the port of /healthz, /readyz and /metrics (0: any free port). */
    HERALD_WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    /** How long a claimed recipient stays another worker's before it counts as abandoned (default 5 min). */
    HERALD_LEASE_MS: z.coerce.number().int().min(1000).optional(),
    /** Delivery processes sharing a tenant's limits: each keeps 1/N of them while Redis is unreachable. */
    HERALD_WORKER_COUNT: z.coerce.number().int().min(1).default(1),
    /** Prefix of Herald's Redis keys (two deployments, or test runs, sharing one Redis). */
    HERALD_REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('herald'),
    HERALD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    HERALD_LOG_PRETTY: z.enum(['true', 'false']).optional(),

    /**
     * `embedded`: start the local Microsoft 365 emulator in-process; `attach`: use the one running on
     * HERALD_EMULATOR_PORT and receive its Teams events; `off`: use the tenant settings below.
     */
    HERALD_EMULATOR: z.enum(['embedded', 'attach', 'off']).optional(),
    HERALD_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
    HERALD_EMULATOR_USERS: z.coerce.number().int().min(1).max(1_000_000).default(500),
    HERALD_EMULATOR_SEED: z.coerce.number().int().min(0).default(7),
    HERALD_EMULATOR_LIMITS: z.enum(['real', 'off']).default('real'),
    /** `on`: the emulator serves https with a local CA kept in `.herald/emulator/` (`npm run emulator -- --tls`). */
    HERALD_EMULATOR_TLS: z.enum(['on', 'off']).default('off'),

    HERALD_TENANT_ID: z.string().uuid().optional(),
    HERALD_CLIENT_ID: z.string().uuid().optional(),
    HERALD_CLIENT_SECRET: z.string().min(1).optional(),
    HERALD_BOT_ID: z.string().uuid().optional(),
    HERALD_BOT_PASSWORD: z.string().min(1).optional(),
    /** The Teams app manifest `id` Herald is published under in the organisation's catalog. */
    HERALD_APP_EXTERNAL_ID: z.string().uuid().optional(),
    HERALD_AUTHORITY_URL: z.string().url().default('https://login.microsoftonline.com'),
    HERALD_GRAPH_URL: z.string().url().default('https://graph.microsoft.com/v1.0'),
    HERALD_BOT_SERVICE_URL: z.string().url().default('https://smba.trafficmanager.net/amer/'),
    HERALD_CHANNEL_OPENID_METADATA_URL: z.string().url().default('https://login.botframework.com/v1/.well-known/openidconfiguration'),

    /** `off` lifts Herald's own rate limits: only for engine benchmarks against an emulator with `--limits off`. */
    HERALD_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
    /**
     * Connector calls per second per tenant (Teams allows 50). Herald holds each call's slot until a second after
     * its answer, so the limit itself is safe; lower it to leave room for another app using the same registration.
     */
    HERALD_SEND_RATE: z.coerce.number().positive().max(50).default(50),
    /** Graph installedApps calls per second per tenant and kind (Graph allows 30). */
    HERALD_INSTALL_RATE: z.coerce.number().positive().max(30).default(30),
    /** UPNs or object ids made Herald administrators on first start. */
    HERALD_ADMINS: list.optional(),
    /**
     * Who the command line acts as (a UPN or object id), checked against Herald's roles like anyone else and named
     * in the audit log; `--as` overrides it. Locally it defaults to the tab's default person (the first admin).
     */
    HERALD_OPERATOR: z.string().trim().min(1).optional(),
    /**
     * `true` lets a team's owners deliver their compose-box announcement 1:1 to every member of their own team
     * without a Herald sender role. Off by default: where anyone may create a team, it would make the sender list moot.
     */
    HERALD_OWNERS_MAY_MESSAGE_MEMBERS: z.enum(['true', 'false']).default('false'),
    /**
     * `true` lets a sender's reminders also go to each person's Teams activity feed (sendActivityNotification, which
     * needs TeamsActivity.Send.User consented on the installation). Off by default.
     */
    HERALD_FOLLOWUP_ACTIVITY_FEED: z.enum(['true', 'false']).default('false'),
    /**
     * `true`: at a notification's acknowledge-by deadline, each person who did not acknowledge is named to their
     * manager (GET /users/{id}/manager, in the manager's chat with Herald). Off by default.
     */
    HERALD_FOLLOWUP_NOTIFY_MANAGERS: z.enum(['true', 'false']).default('false'),
    /** Tenants whose users may use Herald; the home tenant when empty. */
    HERALD_ALLOWED_TENANTS: list.optional(),
    /**
     * The admin tab's SSO resource, the manifest's `webApplicationInfo.resource` (`api://{domain}/{client id}`):
     * the audience its tokens must carry. Defaults to `api://{host of HERALD_PUBLIC_URL}/{client id}`.
     */
    HERALD_TAB_RESOURCE: z.string().startsWith('api://').optional(),
    /**
     * Reach (issue 14). `true`: senders see who has seen and acknowledged a notification only as counts, none under
     * 5 people ("fewer than 5"), with no per-person columns or export fields; administrators keep them, and each
     * time one reads them the audit log says so.
     */
    HERALD_REACH_AGGREGATE_ONLY: z.enum(['true', 'false']).default('false'),
    /** Days Herald keeps per-person reach (when each person first saw each card, when their chat last sent a receipt). */
    HERALD_REACH_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),

    /** The bot's welcome on install: `on`, `off`, or `not-bulk` (not when Herald installs itself to deliver a broadcast). */
    HERALD_WELCOME: z.enum(['on', 'off', 'not-bulk']).default('not-bulk'),
    /** The welcome card's text (Markdown). */
    HERALD_WELCOME_TEXT: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .default('Hi, I am Herald. Your organisation uses me to send you announcements that matter, and sometimes a quick poll or survey.'),
  })
  .superRefine((env, context) => {
    if ((env.HERALD_EMULATOR ?? (env.HERALD_TENANT_ID ? 'off' : 'embedded')) !== 'off') {
      if (!isLoopbackHost(env.HERALD_HOST)) context.addIssue({ code: 'custom', path: ['HERALD_HOST'], message: LOCAL_MODE_ON_NETWORK });
      return;
    }
    for (const key of ['HERALD_TENANT_ID', 'HERALD_CLIENT_ID', 'HERALD_CLIENT_SECRET', 'HERALD_BOT_ID', 'HERALD_BOT_PASSWORD', 'HERALD_APP_EXTERNAL_ID'] as const) {
      if (!env[key]) context.addIssue({ code: 'custom', path: [key], message: 'is required when Herald runs against a real tenant (HERALD_EMULATOR=off)' });
    }
  });

const LOCAL_MODE_ON_NETWORK =
  "is not a loopback address, and local mode (the emulator) serves a sign-in door that signs anyone in as anyone in the emulated tenant: bind 127.0.0.1, localhost or ::1, or run against a real tenant (HERALD_EMULATOR=off)";

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) || /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** HERALD_METRICS, parsed: on the public port, on a port of its own, or not at all. */
export type MetricsSetting = { serve: 'public' } | { serve: 'off' } | { serve: 'port'; port: number };

export type Env = z.infer<typeof envSchema> & { emulated: boolean };

/** Parses the environment once; throws a `config_invalid` HeraldError naming every bad setting and why. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const relevant = Object.fromEntries(Object.entries(source).filter(([key, value]) => key.startsWith('HERALD_') && value !== ''));
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new HeraldError('config_invalid', `Herald's configuration is invalid:\n${lines.join('\n')}\nSee README.md, "Configuration".`);
  }
  const env = parsed.data;
  return { ...env, emulated: (env.HERALD_EMULATOR ?? (env.HERALD_TENANT_ID ? 'off' : 'embedded')) !== 'off' };
}
