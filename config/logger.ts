import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks in every log line: Herald never logs tokens, secrets or card bodies. */
const REDACT = [
  'token', 'accessToken', 'access_token', 'authorization', 'headers.authorization', 'req.headers.authorization',
  'password', 'secret', 'clientSecret', 'card', 'activity.attachments', 'body.card',
];

/** Structured JSON logs; pretty lines when asked (local development). */
export function createLogger(options: { level: string; pretty?: boolean; name?: string }): Logger {
  return pino({
    name: options.name ?? 'herald',
    level: options.level,
    redact: { paths: REDACT, censor: '[redacted]' },
    transport: options.pretty ? { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } : undefined,
  });
}
