/**
 * Why a recipient could not be reached, as a stable code (exports, filters) and a sentence a person can act on.
 * Every permanent failure the classifier returns is one of these.
 */
export const FAILURE_REASONS = {
  blocked_by_app_policy: "Your organisation's Teams app permission policy does not allow Herald for this person. A Teams admin can allow the app for them.",
  user_blocked_bot: 'This person has blocked Herald in Teams, so Herald cannot message them.',
  user_not_found: 'This person is not in the directory any more (deleted), or the id is wrong.',
  no_teams_license: 'This person has no Microsoft Teams licence, so Herald cannot be installed for them.',
  card_too_large: 'The card is larger than Teams accepts (about 28 KB per message). Shorten it and send again.',
  bot_disabled: 'A Teams admin has disabled the Herald bot for this organisation.',
  bot_unauthorized: "The Bot Framework refused Herald's credentials. Check the bot's app registration and secret.",
  conversation_lost: 'Herald reinstalled itself for this person, but Teams still refused the chat. Resend later.',
  activity_not_found: 'The card is no longer in this chat (deleted by the person or recalled), so it cannot be changed.',
  rejected: 'Teams rejected the message as invalid. Check the card.',
  retries_exhausted: 'Teams kept answering with temporary errors. Resend to failed recipients to try again.',
  app_not_in_catalog: "Herald is not in the organisation's Teams app catalog yet (a newly published app can take hours to appear).",
  unexpected: 'Teams answered with an unexpected error. The last error is recorded; resend to try again.',
} as const;

export type FailureReason = keyof typeof FAILURE_REASONS;

export function describeFailure(reason: string): string {
  return (FAILURE_REASONS as Record<string, string>)[reason] ?? FAILURE_REASONS.unexpected;
}
