import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** Paths pino blanks in every log line: Herald never logs tokens, secrets or card bodies. */
const REDACT = [
  'token', 'accessToken', 'access_token', 'authorization', 'headers.authorization', 'req.headers.authorization',
  'password', 'secret', 'clientSecret', 'card', 'activity.attachments', 'body.card',
];

/**
 * Structured JSON logs; pretty lines when asked (local development, the command line). Pretty lines are formatted
 * in this thread: pino's `transport` option would start a worker thread (a second V8 heap, ~20 MB resident) for
 * the few lines a command or a developer's server writes.
 */
export function createLogger(options: { level: string; pretty?: boolean; name?: string }): Logger {
  const settings = { name: options.name ?? 'herald', level: options.level, redact: { paths: REDACT, censor: '[redacted]' } };
  if (!options.pretty) return pino(settings);
  return pino(settings, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
}
