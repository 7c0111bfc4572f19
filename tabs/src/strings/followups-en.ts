import { num } from './format';

/** The follow-up plan beside the send panel (issue 14): deadline, reminders, expiry. */
export const followUpsEn = {
  heading: 'Follow-ups',
  intro: 'Optional: a deadline shown on the card, reminders to those who have not acknowledged, and when the card expires.',
  acknowledgeBy: 'Acknowledge by',
  date: 'Date',
  time: 'Time',
  reminders: 'Send reminders',
  everyHours: 'Remind after (hours)',
  times: 'At most (reminders)',
  to: 'Remind',
  toUnacknowledged: 'Who has not acknowledged',
  toUnseen: 'Who has not seen it',
  activityFeed: 'Also in their Teams activity feed (where your organisation allows it)',
  expires: 'Expires',
  onExpiry: 'When it expires',
  onExpiryUpdate: 'Say so on the card and remove its buttons',
  onExpiryRecall: 'Delete the card from every chat',
  save: 'Save follow-ups',
  saving: 'Saving…',
  saved: 'Follow-ups saved.',
  saveDraftFirst: 'Save the draft first to add follow-ups.',
  roundsDone: (n: number) => `${num(n)} reminder ${n === 1 ? 'round' : 'rounds'} sent`,
};

export type FollowUpStrings = typeof followUpsEn;
