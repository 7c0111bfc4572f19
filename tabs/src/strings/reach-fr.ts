import { num } from './format';
import type { ReachStrings } from './reach-en';

export const reachFr: ReachStrings = {
  heading: 'Portée',
  funnel: 'Entonnoir de portée',
  delivered: 'Remis',
  seen: 'Vu',
  acknowledged: 'Confirmé',
  answered: 'Répondu',
  notSeen: 'Pas encore vu',
  unknown: 'Inconnu',
  unknownHint: 'Ces personnes ont désactivé les confirmations de lecture (ou n’ont pas ouvert leur conversation avec Herald depuis) : on ne sait donc pas si elles l’ont lu.',
  count: (n, below) => (n === null ? `moins de ${num(below ?? 5)}` : num(n)),
  share: (n, of) => (n === null || of === null || of === 0 ? '' : `${Math.round((100 * n) / of)} %`),
  aggregateOnly: 'Votre organisation n’affiche la portée qu’en agrégé : qui l’a vu ou confirmé est visible des administrateurs Herald.',
  chart: 'Vus et confirmés au fil du temps',
  chartLoading: 'Chargement du graphique…',
  chartUnavailable: 'Le graphique ne peut pas s’afficher ici ; l’entonnoir ci-dessus donne les mêmes chiffres.',
  chartEmpty: 'Personne ne l’a encore vu.',
  chartTime: 'Temps depuis l’envoi',
  chartPeople: 'Personnes',
  columns: { seen: 'Vu', acknowledged: 'Confirmé', answer: 'Réponse' },
  hidden: 'Masqué',
  filter: 'Portée',
  filters: { all: 'Tout le monde', 'not-seen': 'Pas encore vu', 'not-acknowledged': 'Non confirmé' },
};
