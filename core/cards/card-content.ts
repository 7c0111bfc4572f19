import { z } from 'zod';

/** Characters a title may have; Teams truncates long titles in notifications anyway. */
const TITLE_MAX = 200;
export const MAX_BUTTONS = 6;
export const MAX_POLL_OPTIONS = 10;

const httpsUrl = z
  .string()
  .trim()
  .url('must be a full URL, such as https://contoso.com/page')
  .refine((value) => /^https:\/\//i.test(value), 'must start with https://');

const LOOPBACK_HTTP = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//i;
let loopbackImages = false;

/**
 * Local mode only: lets card images be served over http from a loopback address (localhost, 127.0.0.1, [::1]),
 * where Herald's local mode serves uploaded images to the emulator's Teams client on the same machine. The
 * composition root calls it from the run mode (core reads no settings). Off by default: with a real tenant, an
 * image at a loopback address would make every recipient's Teams client request something on their own machine.
 */
export function allowLoopbackImages(allowed: boolean): void {
  loopbackImages = allowed;
}

/** Card images must be https for Teams to load them; http on a loopback address only in local mode. */
const imageUrl = z
  .string()
  .trim()
  .url('must be a full URL, such as https://contoso.com/picture.png')
  .refine((value) => /^https:\/\//i.test(value) || (loopbackImages && LOOPBACK_HTTP.test(value)), 'must start with https://');

export const pollSchema = z.object({
  question: z.string().trim().min(1, 'the poll needs a question').max(300),
  options: z
    .array(z.string().trim().min(1, 'an option cannot be empty').max(100))
    .min(2, 'a poll needs at least two options')
    .max(MAX_POLL_OPTIONS, `a poll can have at most ${MAX_POLL_OPTIONS} options`)
    .refine((options) => new Set(options.map((option) => option.toLowerCase())).size === options.length, 'options must differ'),
  multiple: z.boolean().default(false),
  /** Whether recipients see the current results after answering. */
  showResults: z.boolean().default(true),
});

/**
 * What an author writes; Herald turns it into an Adaptive Card 1.5 with `buildCard`. The tab, the bot's compose-box
 * extension and the command line share this shape.
 */
export const cardContentSchema = z.object({
  title: z.string().trim().min(1, 'a title is required').max(TITLE_MAX),
  /** Markdown (the subset Adaptive Cards render: bold, italic, lists, links). */
  summary: z.string().trim().max(4000).default(''),
  imageUrl: imageUrl.optional(),
  body: z.string().trim().max(8000).default(''),
  buttons: z
    .array(z.object({ title: z.string().trim().min(1, 'a button needs a label').max(40), url: httpsUrl }))
    .max(MAX_BUTTONS, `at most ${MAX_BUTTONS} buttons`)
    .default([]),
  acknowledge: z.boolean().default(false),
  poll: pollSchema.optional(),
  importance: z.enum(['normal', 'high', 'urgent']).default('normal'),
  /** Who wrote it and where, shown small under the card (a compose-box announcement: "Posted by Ada in Sales"). */
  attribution: z.string().trim().max(300).optional(),
});

export type CardContent = z.infer<typeof cardContentSchema>;
export type CardContentInput = z.input<typeof cardContentSchema>;
export type Poll = z.infer<typeof pollSchema>;

/** What one recipient has done with a card, shown when the card refreshes for them. */
export interface RecipientCardState {
  acknowledgedAt?: string;
  /** Indexes of the options the recipient chose. */
  choices?: number[];
}

/** Current poll results, when the sender lets recipients see them. */
export interface PollResults {
  counts: number[];
  total: number;
}
