import { num } from './format';
import type { ReachStrings } from './reach-en';

export const reachDe: ReachStrings = {
  heading: 'Reichweite',
  funnel: 'Reichweiten-Trichter',
  delivered: 'Zugestellt',
  seen: 'Gelesen',
  acknowledged: 'Bestätigt',
  answered: 'Beantwortet',
  notSeen: 'Noch nicht gelesen',
  unknown: 'Unbekannt',
  unknownHint: 'Diese Personen haben Lesebestätigungen ausgeschaltet (oder ihren Chat mit Herald seitdem nicht geöffnet); ob sie es gelesen haben, ist daher nicht bekannt.',
  count: (n, below) => (n === null ? `weniger als ${num(below ?? 5)}` : num(n)),
  share: (n, of) => (n === null || of === null || of === 0 ? '' : `${Math.round((100 * n) / of)} %`),
  aggregateOnly: 'Ihre Organisation zeigt die Reichweite nur zusammengefasst: Wer es gelesen oder bestätigt hat, sehen Herald-Administratoren.',
  chart: 'Gelesen und bestätigt im Zeitverlauf',
  chartLoading: 'Diagramm wird geladen…',
  chartUnavailable: 'Das Diagramm kann hier nicht angezeigt werden; der Trichter oben enthält dieselben Zahlen.',
  chartEmpty: 'Noch niemand hat es gelesen.',
  chartTime: 'Zeit seit dem Senden',
  chartPeople: 'Personen',
  columns: { seen: 'Gelesen', acknowledged: 'Bestätigt', answer: 'Antwort' },
  hidden: 'Verborgen',
  filter: 'Reichweite',
  filters: { all: 'Alle', 'not-seen': 'Noch nicht gelesen', 'not-acknowledged': 'Nicht bestätigt' },
};
