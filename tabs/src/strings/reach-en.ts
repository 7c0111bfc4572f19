import { num } from './format';

/** Reach in the delivery report (issue 14): the funnel, the chart, the columns and the filters. */
export const reachEn = {
  heading: 'Reach',
  funnel: 'Reach funnel',
  delivered: 'Delivered',
  seen: 'Seen',
  acknowledged: 'Acknowledged',
  answered: 'Answered',
  notSeen: 'Not seen yet',
  unknown: 'Not known',
  unknownHint: 'These people have read receipts turned off (or have not opened their chat with Herald since), so whether they read it is not known.',
  /** A count, or "fewer than 5" when the organisation shows reach in aggregate only. */
  count: (n: number | null, below: number | null) => (n === null ? `fewer than ${num(below ?? 5)}` : num(n)),
  share: (n: number | null, of: number | null) => (n === null || of === null || of === 0 ? '' : `${Math.round((100 * n) / of)}%`),
  aggregateOnly: 'Your organisation shows reach in aggregate only: who saw or acknowledged it is visible to Herald administrators.',
  chart: 'Seen and acknowledged over time',
  chartLoading: 'Loading the chart…',
  chartUnavailable: 'The chart cannot be shown here; the funnel above has the same figures.',
  chartEmpty: 'Nobody has seen it yet.',
  chartTime: 'Time since sending',
  chartPeople: 'People',
  columns: { seen: 'Seen', acknowledged: 'Acknowledged', answer: 'Answer' },
  hidden: 'Hidden',
  filter: 'Reach',
  filters: { all: 'Everyone', 'not-seen': 'Not seen yet', 'not-acknowledged': 'Not acknowledged' },
};

export type ReachStrings = typeof reachEn;
