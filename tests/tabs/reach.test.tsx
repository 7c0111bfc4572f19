import { screen, waitFor, within } from '@testing-library/react';
import type { ReachFunnel, ReachTimeline } from '../../api/contract/reach';
import type { SeenRequest } from './support/fake-server';
import { notificationView, recipient, report } from './support/fixtures';
import { renderTab, signedInServer } from './support/render-tab';

const funnel = (overrides: Partial<ReachFunnel> = {}): ReachFunnel => ({ delivered: 40, seen: 30, notSeen: 4, unknown: 6, acknowledged: 10, answered: 8, hiddenBelow: null, ...overrides });
const timeline = (points: ReachTimeline['points']): ReachTimeline => ({ notificationId: 'n1', since: '2030-01-01T09:01:00.000Z', bucketSeconds: 60, points, hiddenBelow: null });

const rows = [
  recipient('u1', { seenAt: '2030-01-01T09:05:00.000Z', acknowledgedAt: '2030-01-01T09:06:00.000Z', choices: [0], answer: 'Yes' }),
  recipient('u2', { seenAt: null }),
];

function reachServer(reach: ReachFunnel, options: { perPersonReach?: boolean; points?: ReachTimeline['points'] } = {}) {
  const view = notificationView({ status: 'completed', counts: { sent: 40 }, total: 40 });
  const server = signedInServer();
  server.on('GET', '/api/notifications', { value: [view] });
  server.on('GET', '/api/notifications/:id', view);
  server.on('GET', '/api/notifications/:id/report', report({ status: 'completed', counts: { sent: 40 }, total: 40, acknowledged: 10, actions: view.actions, reach }));
  server.on('GET', '/api/notifications/:id/recipients', (request: SeenRequest) => {
    const reachFilter = request.query.get('reach');
    const hidden = options.perPersonReach === false;
    const value = (reachFilter === 'not-seen' ? rows.filter((row) => !row.seenAt) : rows).map((row) => (hidden ? { ...row, seenAt: null, acknowledgedAt: null, choices: null } : row));
    return { json: { value, next: null, perPersonReach: !hidden } };
  });
  server.on('GET', '/api/notifications/:id/reach-timeline', timeline(options.points ?? []));
  server.on('POST', '/api/notifications/:id/events/ticket', { status: 201, json: { ticket: 't' } });
  return server;
}

async function openReport(user: Awaited<ReturnType<typeof renderTab>>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Notifications' }));
  await user.click(await screen.findByRole('button', { name: /^Sent/ }));
  await user.click(await screen.findByRole('button', { name: 'Quarterly update' }));
  await screen.findByRole('heading', { name: 'Quarterly update' });
}

describe('reach in the delivery report', () => {
  // jsdom lays out no text: the chart measures its axis labels (SVG getComputedTextLength, canvas measureText).
  beforeAll(() => {
    const svg = globalThis.SVGElement.prototype as SVGElement & { getComputedTextLength?: () => number; getBBox?: () => DOMRect };
    svg.getComputedTextLength ??= () => 40;
    svg.getBBox ??= () => ({ x: 0, y: 0, width: 40, height: 12 }) as DOMRect;
    HTMLCanvasElement.prototype.getContext = (() => ({ measureText: (text: string) => ({ width: text.length * 6 }), font: '' })) as unknown as HTMLCanvasElement['getContext'];
  });
  it('when the report has reach, then the funnel shows delivered → seen → acknowledged → answered with shares, and the not seen and not known', async () => {
    const { user } = await renderTab(reachServer(funnel()));
    await openReport(user);
    const section = await screen.findByRole('region', { name: 'Reach funnel' });
    expect(within(section).getByRole('progressbar', { name: 'Seen' })).toHaveAttribute('aria-valuenow', '0.75');
    expect(within(section).getByText('30 75%')).toBeInTheDocument();
    expect(within(section).getByRole('progressbar', { name: 'Acknowledged' })).toHaveAttribute('aria-valuenow', '0.25');
    expect(within(section).getByRole('progressbar', { name: 'Answered' })).toBeInTheDocument();
    expect(within(section).getByText('Not seen yet: 4')).toBeInTheDocument();
    expect(within(section).getByText('Not known: 6')).toBeInTheDocument();
  });

  it('when the table loads, then Seen, Acknowledged and Answer columns show each person; the "Not seen yet" filter asks the server for reach=not-seen', async () => {
    const server = reachServer(funnel());
    const { user } = await renderTab(server);
    await openReport(user);
    const table = await screen.findByRole('table', { name: 'Recipients' });
    await within(table).findByText('Person u1');
    expect(within(table).getByRole('columnheader', { name: 'Seen' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Answer' })).toBeInTheDocument();
    const first = within(table).getByText('Person u1').closest('[role="row"]') as HTMLElement;
    expect(within(first).getByText('Yes')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reach' }), 'Not seen yet');
    await waitFor(() => expect(within(table).queryByText('Person u1')).not.toBeInTheDocument());
    expect(within(table).getByText('Person u2')).toBeInTheDocument();
    expect(server.to('GET', '/api/notifications/n1/recipients').some((request) => request.query.get('reach') === 'not-seen')).toBe(true);
  });

  it('when the organisation shows reach in aggregate only, then small counts say "fewer than 5" and per-person reach says Hidden', async () => {
    const { user } = await renderTab(reachServer(funnel({ seen: null, notSeen: null, acknowledged: null, answered: 8, hiddenBelow: 5 }), { perPersonReach: false }));
    await openReport(user);
    const section = await screen.findByRole('region', { name: 'Reach funnel' });
    expect(within(section).getAllByText(/fewer than 5/).length).toBeGreaterThanOrEqual(2);
    expect(within(section).getByText(/shows reach in aggregate only/)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Recipients' });
    await within(table).findByText('Person u1');
    expect(within(table).getAllByText('Hidden').length).toBe(6);
  });

  it('when nobody has seen it yet, then the chart says so instead of drawing empty lines', async () => {
    const { user } = await renderTab(reachServer(funnel({ seen: 0, acknowledged: 0 }), { points: [{ at: '2030-01-01T09:01:00.000Z', seen: 0, acknowledged: 0 }] }));
    await openReport(user);
    expect(await screen.findByText('Nobody has seen it yet.')).toBeInTheDocument();
  });

  it('when people have seen it, then the chart (loaded on its own) draws the seen and acknowledged lines', async () => {
    const points = [
      { at: '2030-01-01T09:01:00.000Z', seen: 0, acknowledged: 0 },
      { at: '2030-01-01T09:02:00.000Z', seen: 20, acknowledged: 5 },
      { at: '2030-01-01T09:03:00.000Z', seen: 30, acknowledged: 10 },
    ];
    const { user } = await renderTab(reachServer(funnel(), { points }));
    await openReport(user);
    const chart = await screen.findByRole('region', { name: 'Seen and acknowledged over time' });
    await waitFor(() => expect(chart.querySelector('svg')).not.toBeNull(), { timeout: 10_000 });
    expect(within(chart).queryByText(/cannot be shown/)).not.toBeInTheDocument();
    expect(within(chart).getAllByText('Seen').length).toBeGreaterThan(0);
    expect(within(chart).getAllByText('Acknowledged').length).toBeGreaterThan(0);
  });
});
