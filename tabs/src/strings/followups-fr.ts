import { num } from './format';
import type { FollowUpStrings } from './followups-en';

/** Le suivi à côté de l’envoi (ticket 14) : échéance, rappels, expiration. */
export const followUpsFr: FollowUpStrings = {
  heading: 'Suivi',
  intro: 'Facultatif : une échéance affichée sur la carte, des rappels à ceux qui n’ont pas confirmé, et la date d’expiration de la carte.',
  acknowledgeBy: 'Confirmer avant le',
  date: 'Date',
  time: 'Heure',
  reminders: 'Envoyer des rappels',
  everyHours: 'Rappeler après (heures)',
  times: 'Au plus (rappels)',
  to: 'Rappeler',
  toUnacknowledged: 'Ceux qui n’ont pas confirmé',
  toUnseen: 'Ceux qui ne l’ont pas vue',
  activityFeed: 'Aussi dans leur flux d’activité Teams (si votre organisation le permet)',
  expires: 'Expire le',
  onExpiry: 'À l’expiration',
  onExpiryUpdate: 'L’indiquer sur la carte et retirer ses boutons',
  onExpiryRecall: 'Supprimer la carte de chaque conversation',
  save: 'Enregistrer le suivi',
  saving: 'Enregistrement…',
  saved: 'Suivi enregistré.',
  saveDraftFirst: 'Enregistrez d’abord le brouillon pour ajouter un suivi.',
  roundsDone: (n: number) => `${num(n)} ${n === 1 ? 'série de rappels envoyée' : 'séries de rappels envoyées'}`,
};
