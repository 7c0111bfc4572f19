import { num } from './format';
import type { FollowUpStrings } from './followups-en';

/** Nachverfolgung neben dem Senden (Issue 14): Frist, Erinnerungen, Ablauf. */
export const followUpsDe: FollowUpStrings = {
  heading: 'Nachverfolgung',
  intro: 'Optional: eine Frist auf der Karte, Erinnerungen an alle, die noch nicht bestätigt haben, und wann die Karte abläuft.',
  acknowledgeBy: 'Bestätigen bis',
  date: 'Datum',
  time: 'Uhrzeit',
  reminders: 'Erinnerungen senden',
  everyHours: 'Erinnern nach (Stunden)',
  times: 'Höchstens (Erinnerungen)',
  to: 'Erinnern',
  toUnacknowledged: 'Wer nicht bestätigt hat',
  toUnseen: 'Wer sie nicht gesehen hat',
  activityFeed: 'Auch im Aktivitätsfeed von Teams (wo Ihre Organisation es erlaubt)',
  expires: 'Läuft ab',
  onExpiry: 'Beim Ablauf',
  onExpiryUpdate: 'Auf der Karte vermerken und ihre Schaltflächen entfernen',
  onExpiryRecall: 'Die Karte aus jedem Chat löschen',
  save: 'Nachverfolgung speichern',
  saving: 'Wird gespeichert…',
  saved: 'Nachverfolgung gespeichert.',
  saveDraftFirst: 'Speichern Sie zuerst den Entwurf, um eine Nachverfolgung hinzuzufügen.',
  roundsDone: (n: number) => `${num(n)} ${n === 1 ? 'Erinnerungsrunde' : 'Erinnerungsrunden'} gesendet`,
};
