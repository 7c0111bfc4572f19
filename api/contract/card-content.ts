/**
 * The card's content schema and limits alone, without the card template: what the tab's compose form validates
 * with on its first screen. `cards.ts` adds the template (and with it the Adaptive Cards templating engine, about
 * 1 MB), which only the preview needs; importing this module keeps the engine out of the tab's first load.
 */
export { cardContentSchema, pollSchema, MAX_BUTTONS, MAX_POLL_OPTIONS, allowLoopbackImages } from '../../core/cards/card-content';
export type { CardContent, CardContentInput, Poll } from '../../core/cards/card-content';
