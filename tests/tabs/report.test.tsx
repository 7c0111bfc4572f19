import { act, screen, within } from '@testing-library/react';
import type { SeenRequest } from './support/fake-server';
import { FakeEventSource } from './support/fake-event-source';
import { findDialog } from './support/dialog';
import { notificationView, recipient, report } from './support/fixtures';
import { renderTab, signedInServer } from './support/render-tab';

const rows = [recipient('u1'), recipient('u2'), recipient('u3'), recipient('u4', { state: 'failed', reason: 'blocked_by_user', reasonText: 'The user blocked Herald' })];

function reportServer(status: 'sending' | 'completed', counts: Record<string, number>) {
  const view = notificationView({ status, counts, total: 4 });
  const server = signedInServer();
  server.on('GET', '/api/notifications', { value: [view] });
  server.on('GET', '/api/notifications/:id', view);
  server.on('GET', '/api/notifications/:id/report', report({ status, counts, total: 4 }));
  server.on('GET', '/api/notifications/:id/recipients', (request: SeenRequest) => {
    const state = request.query.get('state');
    return { json: { value: rows.filter((row) => !state || row.state === state), next: null } };
  });
  for (const action of ['cancel', 'resend-failed', 'recall']) server.on('POST', `/api/notifications/:id/${action}`, view);
  let tickets = 0;
  server.on('POST', '/api/notifications/:id/events/ticket', () => ({ status: 201, json: { ticket: `ticket-${(tickets += 1)}` } }));
  return server;
}

async function openReport(user: Awaited<ReturnType<typeof renderTab>>['user']) {
  await user.click(await screen.findByRole('tab', { name: 'Notifications' }));
  await user.click(await screen.findByRole('button', { name: 'Quarterly update' }));
  await screen.findByRole('heading', { name: 'Quarterly update' });
  // The recipient table loads its first page on its own: let it land inside the test, as a person would see it.
  await within(await screen.findByRole('table', { name: 'Recipients' })).findByText('Person u1');
}

describe('delivery report', () => {
  it('when progress events arrive, then the bar, counts, acknowledgements and poll results follow them', async () => {
    const server = reportServer('sending', { pending: 4 });
    const { user } = await renderTab(server);
    await openReport(user);
    await screen.findByText('0 of 4 processed');
    const events = FakeEventSource.latest();
    // The stream's address carries a single-use ticket asked for with the bearer header, never the token.
    expect(events.url).toBe('/api/notifications/n1/events?ticket=ticket-1');
    expect(server.to('POST', '/api/notifications/n1/events/ticket')[0]?.headers.authorization).toBe('Bearer sso-token-for-adele');

    const poll = { options: ['Yes', 'No'], counts: [2, 1], total: 3 };
    act(() => events.emit('progress', report({ counts: { sent: 2, failed: 1, sending: 1 }, reasons: { blocked_by_user: 1 }, acknowledged: 2, poll })));
    expect(screen.getByText('3 of 4 processed')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Delivery progress' })).toHaveAttribute('aria-valuenow', '0.75');
    expect(screen.getByText('2 acknowledged')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Failure reasons' })).getByText('blocked_by_user: 1')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Poll results' })).getByText('Yes: 2')).toBeInTheDocument();

    act(() => events.emit('progress', report({ status: 'completed', counts: { sent: 3, failed: 1 }, acknowledged: 3, poll })));
    act(() => events.emit('done', {}));
    expect(screen.getByText('4 of 4 processed')).toBeInTheDocument();
    expect(screen.getByText('3 acknowledged')).toBeInTheDocument();
    // The finished broadcast's table is read again, with every recipient's final state.
    await within(screen.getByRole('table', { name: 'Recipients' })).findByText('Person u1');
    expect(server.to('GET', '/api/notifications/n1/recipients').length).toBeGreaterThan(1);
  });

  it('when the table is filtered by state, then only those recipients are asked for and shown', async () => {
    const server = reportServer('completed', { sent: 3, failed: 1 });
    const { user } = await renderTab(server);
    await openReport(user);
    const table = await screen.findByRole('table', { name: 'Recipients' });
    await within(table).findByText('Person u1');
    expect(within(table).getAllByRole('row')).toHaveLength(5);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by state' }), 'failed');
    expect(await within(table).findByText('The user blocked Herald')).toBeInTheDocument();
    expect(within(table).queryByText('Person u1')).not.toBeInTheDocument();
    expect(server.to('GET', '/api/notifications/n1/recipients').at(-1)?.query.get('state')).toBe('failed');
  });

  it('when the sender cancels and confirms, then the cancel is posted', async () => {
    const server = reportServer('sending', { pending: 4 });
    const { user } = await renderTab(server);
    await openReport(user);
    await user.click(await screen.findByRole('button', { name: 'Cancel sending' }));
    await user.click((await findDialog('Cancel sending')).getButton('Cancel sending'));
    await screen.findByText('0 of 4 processed');
    expect(server.to('POST', '/api/notifications/n1/cancel')).toHaveLength(1);
  });

  it('when the sender resends to failed and recalls, then both are posted, recall only after confirming', async () => {
    const server = reportServer('completed', { sent: 3, failed: 1 });
    const { user } = await renderTab(server);
    await openReport(user);
    await user.click(await screen.findByRole('button', { name: 'Resend to failed' }));
    expect(server.to('POST', '/api/notifications/n1/resend-failed')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Recall' }));
    const dialog = await findDialog('Recall');
    expect(server.to('POST', '/api/notifications/n1/recall')).toHaveLength(0);
    await user.click(dialog.getButton('Recall'));
    await screen.findByRole('button', { name: 'Recall' });
    expect(server.to('POST', '/api/notifications/n1/recall')).toHaveLength(1);
  });
});
