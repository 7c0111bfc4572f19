import { Template } from 'adaptivecards-templating';
import type { CardContent, PollResults, RecipientCardState } from './card-content';

/** Verbs of the card's `Action.Execute` buttons; the bot routes on them. */
export const CARD_VERBS = { acknowledge: 'herald.acknowledge', vote: 'herald.vote', refresh: 'herald.refresh' } as const;

/**
 * The one Adaptive Card 1.5 template for every Herald notification, shared by the tab's preview, the engine and
 * the bot's refreshed cards. Per-recipient parts (acknowledged, chosen answer, results) bind from `$root.state`.
 */
const TEMPLATE = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  refresh: { $when: '${interactive}', action: { type: 'Action.Execute', verb: CARD_VERBS.refresh, data: { notificationId: '${notificationId}' } }, userIds: '${refreshUserIds}' },
  body: [
    { type: 'TextBlock', $when: "${importance != 'normal'}", text: '${importanceLabel}', color: 'Attention', weight: 'Bolder', size: 'Small', wrap: true },
    { type: 'TextBlock', text: '${title}', size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'Image', $when: '${imageUrl != null}', url: '${imageUrl}', size: 'Stretch', altText: '${title}' },
    { type: 'TextBlock', $when: "${summary != ''}", text: '${summary}', wrap: true },
    { type: 'TextBlock', $when: "${body != ''}", text: '${body}', wrap: true, spacing: 'Medium' },
    {
      type: 'Container',
      $when: '${poll != null}',
      separator: true,
      items: [
        // The question once: as the answers' label (read out with them); as text only when there are no answers to pick.
        { type: 'TextBlock', $when: '${expired == true}', text: '${poll.question}', weight: 'Bolder', wrap: true },
        {
          type: 'Input.ChoiceSet',
          $when: '${!expired}',
          id: 'choices',
          style: 'expanded',
          isMultiSelect: '${poll.multiple}',
          value: '${chosenValue}',
          label: '${poll.question}',
          isRequired: true,
          errorMessage: 'Choose an answer first.',
          choices: [{ $data: '${pollChoices}', title: '${title}', value: '${value}' }],
        },
        { type: 'TextBlock', $when: '${answered}', text: 'Your answer: ${answerText}', wrap: true, color: 'Good', size: 'Small' },
        { type: 'FactSet', $when: '${showResults}', facts: [{ $data: '${resultFacts}', title: '${title}', value: '${value}' }] },
      ],
    },
    { type: 'TextBlock', $when: '${acknowledged}', text: 'Acknowledged ✓', color: 'Good', weight: 'Bolder', wrap: true },
    // Adaptive Cards' DATE/TIME functions show the moment in each reader's own time zone and locale.
    {
      type: 'TextBlock',
      $when: '${acknowledgeBy != null && !acknowledged && !expired}',
      text: 'Please acknowledge by {{DATE(${acknowledgeBy}, SHORT)}} {{TIME(${acknowledgeBy})}}',
      color: 'Attention',
      wrap: true,
    },
    { type: 'TextBlock', $when: '${expired}', text: 'This announcement expired on {{DATE(${expiredAt}, SHORT)}} {{TIME(${expiredAt})}}.', isSubtle: true, weight: 'Bolder', wrap: true },
    { type: 'TextBlock', $when: "${attribution != ''}", text: '${attribution}', isSubtle: true, size: 'Small', wrap: true, spacing: 'Medium' },
  ],
  actions: [
    { $data: '${buttons}', type: 'Action.OpenUrl', title: '${title}', url: '${url}' },
    {
      $when: '${poll != null && !expired}',
      type: 'Action.Execute',
      title: '${voteLabel}',
      verb: CARD_VERBS.vote,
      data: { notificationId: '${notificationId}' },
      associatedInputs: 'auto',
      // Teams clients without Universal Actions send this instead (docs: "Backward compatibility"); the bot treats both alike.
      fallback: { type: 'Action.Submit', title: '${voteLabel}', data: { verb: CARD_VERBS.vote, notificationId: '${notificationId}' } },
    },
    {
      $when: '${acknowledge && !acknowledged && !expired}',
      type: 'Action.Execute',
      title: 'Acknowledge',
      verb: CARD_VERBS.acknowledge,
      style: 'positive',
      data: { notificationId: '${notificationId}' },
      associatedInputs: 'none',
      fallback: { type: 'Action.Submit', title: 'Acknowledge', data: { verb: CARD_VERBS.acknowledge, notificationId: '${notificationId}' } },
    },
  ],
};

export interface BuildCardOptions {
  notificationId: string;
  /** The recipient's own state (omit for the card as first sent). */
  state?: RecipientCardState;
  results?: PollResults;
  /** Who Teams should refresh the card for automatically (up to 60; omitted in 1:1 chats). */
  refreshUserIds?: string[];
  /** The follow-up plan's "acknowledge by" deadline (ms since epoch), shown until the person acknowledges. */
  acknowledgeBy?: number | null;
  /** When the notification expired: the card says so and has no buttons, inputs or refresh. */
  expiredAt?: number | null;
}

/** Builds the Adaptive Card for a notification, as one recipient (or nobody in particular) sees it. */
export function buildCard(content: CardContent, options: BuildCardOptions): Record<string, unknown> {
  const state = options.state ?? {};
  const choices = state.choices ?? [];
  const poll = content.poll;
  const expired = options.expiredAt !== undefined && options.expiredAt !== null;
  const data = {
    ...content,
    imageUrl: content.imageUrl ?? null,
    attribution: content.attribution ?? '',
    poll: poll ?? null,
    notificationId: options.notificationId,
    interactive: !expired && (content.acknowledge || poll !== undefined),
    buttons: expired ? [] : content.buttons,
    expired,
    expiredAt: expired ? isoSeconds(options.expiredAt!) : null,
    acknowledgeBy: options.acknowledgeBy ? isoSeconds(options.acknowledgeBy) : null,
    refreshUserIds: options.refreshUserIds ?? [],
    importanceLabel: content.importance === 'urgent' ? '⚠ Urgent' : 'Important',
    acknowledged: state.acknowledgedAt !== undefined,
    pollChoices: (poll?.options ?? []).map((title, index) => ({ title, value: String(index) })),
    chosenValue: choices.map(String).join(','),
    answered: choices.length > 0,
    answerText: choices.map((index) => poll?.options[index] ?? '').join(', '),
    voteLabel: choices.length > 0 ? 'Change answer' : 'Submit answer',
    showResults: Boolean(poll?.showResults && choices.length > 0 && options.results),
    resultFacts: (poll?.options ?? []).map((title, index) => ({ title, value: resultText(options.results, index) })),
  };
  const card = new Template(TEMPLATE).expand({ $root: data }) as Record<string, unknown>;
  return tidy(card);
}

/** RFC 3339 without milliseconds: the form Adaptive Cards' DATE() and TIME() accept. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function resultText(results: PollResults | undefined, index: number): string {
  if (!results || results.total === 0) return '0';
  const count = results.counts[index] ?? 0;
  return `${count} (${Math.round((count / results.total) * 100)}%)`;
}

/** Drops what the template left empty, so the card stays small and valid (an empty refresh is not allowed). */
function tidy(card: Record<string, unknown>): Record<string, unknown> {
  if (card.refresh === null) delete card.refresh;
  const refresh = card.refresh as { userIds?: unknown[] } | undefined;
  if (refresh && Array.isArray(refresh.userIds) && refresh.userIds.length === 0) delete refresh.userIds;
  if (Array.isArray(card.actions) && card.actions.length === 0) delete card.actions;
  return card;
}
