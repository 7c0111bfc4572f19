import { z } from 'zod';

/**
 * The basics of an Adaptive Card (schema 1.0–1.5) that Teams needs before it will render one. Element and action
 * contents pass through untouched: Teams is the judge of those, we only refuse what can never render.
 */
const element = z.object({ type: z.string().min(1) }).passthrough();

const ACTION_TYPES = ['Action.OpenUrl', 'Action.Submit', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.Execute'] as const;

const action = z.object({ type: z.enum(ACTION_TYPES) }).passthrough();

export const adaptiveCardSchema = z
  .object({
    type: z.literal('AdaptiveCard'),
    version: z.string().regex(/^1\.[0-5]$/, 'version must be 1.0 to 1.5 (the versions Teams renders)'),
    body: z.array(element),
    actions: z.array(action).optional(),
    $schema: z.string().optional(),
  })
  .passthrough();

export type AdaptiveCard = z.infer<typeof adaptiveCardSchema>;
