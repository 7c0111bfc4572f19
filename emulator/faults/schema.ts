import { z } from 'zod';

const isRegex = (source: string): boolean => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

const count = z.number().int().min(0);

/** Which requests of a matching stream a rule may fire on (counted per rule, from the last reset). */
const Schedule = z
  .object({
    /** Let this many matching requests through before the rule may fire. */
    after: count.optional(),
    /** Fire at most this many times. */
    times: z.number().int().min(1).optional(),
    /** Fire on every n-th matching request (after `after`): the n-th, 2n-th… */
    every: z.number().int().min(1).optional(),
  })
  .strict();

export const FaultRule = z
  .object({
    id: z.string().min(1).optional(),
    description: z.string().optional(),
    service: z.enum(['graph', 'connector', 'entra', 'any']),
    /** HTTP method, any case; every method when absent. */
    method: z.string().min(1).optional(),
    /** A regular expression tested (case-insensitively) against the URL as sent: path and query. */
    path: z.string().refine(isRegex, 'is not a valid regular expression').optional(),
    /**
     * What Microsoft documents as retryable for the Connector and Graph: 412 (PreconditionFailed, concurrent
     * operations on one conversation), 429 for a throttling burst beyond the modelled limits, or any 5xx (502, 503
     * and 504 among them).
     */
    status: z.number().int().refine((value) => value === 412 || value === 429 || (value >= 500 && value <= 599), 'must be 412, 429 or a 5xx status').optional(),
    /** The `Retry-After` of an injected 429 (1 s when absent); `null` answers the 429 without the header. */
    retryAfterSeconds: z.number().min(0).max(3600).nullable().optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    drop: z.boolean().optional(),
    /** Chance that an eligible request is faulted; 1 when absent. */
    probability: z.number().min(0).max(1).optional(),
    schedule: Schedule.optional(),
  })
  .strict()
  .refine((rule) => rule.status !== undefined || rule.latencyMs !== undefined || rule.drop === true, {
    message: 'a rule needs at least one of status, latencyMs or drop',
  })
  .refine((rule) => !(rule.drop && rule.status !== undefined), { message: 'a rule cannot both drop the connection and answer a status' })
  // Entra's token endpoint answers transient failures with 5xx; 412 is a Graph and Connector answer.
  .refine((rule) => !(rule.status === 412 && rule.service === 'entra'), { message: 'status 412 applies to graph and connector only' });

/** Users by object id or userPrincipalName, or a number of users the emulator picks deterministically from the seed. */
const UserSelection = z.union([z.array(z.string().min(1)), z.object({ count }).strict()]);

export const UserFaults = z
  .object({
    /** The app permission policy blocks Herald for them: Graph installs answer 403. */
    policyBlocked: UserSelection.optional(),
    /** They blocked the bot: Connector sends answer 403. */
    blockedBot: UserSelection.optional(),
    /** Deleted after seeding: Graph answers 404. */
    deleted: UserSelection.optional(),
    /** No Teams licence: installs fail. */
    unlicensed: UserSelection.optional(),
  })
  .strict();

/** The emulator's fault configuration (a JSON file given with `--faults`, or `PUT /_inspect/faults`). */
export const FaultsConfig = z
  .object({
    description: z.string().optional(),
    /** Seed for probabilities and `count` user picks: the same seed and requests give the same faults. */
    seed: z.number().int().optional(),
    rules: z.array(FaultRule).optional(),
    users: UserFaults.optional(),
  })
  .strict();

export type FaultRule = z.infer<typeof FaultRule>;
export type UserFaults = z.infer<typeof UserFaults>;
export type FaultsConfig = z.infer<typeof FaultsConfig>;

/** Zod issues as `rules[2].status: Number must be less than or equal to 599`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '');
      return `${where || '(top level)'}: ${issue.message}`;
    })
    .join('; ');
}
