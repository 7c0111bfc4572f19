/**
 * The card as the tab and Herald share it: what an author writes (the content schema), the one Adaptive Card
 * template every recipient's card is built from, and the limits a card is checked against. The tab's preview
 * builds exactly the card recipients get from these, so they are part of the API's contract.
 */
export { cardContentSchema, pollSchema, MAX_BUTTONS, MAX_POLL_OPTIONS, allowLoopbackImages } from '../../core/cards/card-content';
export type { CardContent, CardContentInput, Poll, PollResults, RecipientCardState } from '../../core/cards/card-content';
export { buildCard, CARD_VERBS } from '../../core/cards/card-template';
export { cardActivity, checkedCardActivity, ADAPTIVE_CARD_CONTENT_TYPE, MAX_ACTIVITY_BYTES } from '../../core/cards/card-activity';
export { adaptiveCardSchema } from '../../core/cards/card-schema';
export type { AdaptiveCard } from '../../core/cards/card-schema';
