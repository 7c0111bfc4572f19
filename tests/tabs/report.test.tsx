import { act, screen, waitFor, within } from '@testing-library/react';
import type { NotificationStatus } from '../../api/contract/notifications';
import type { SeenRequest } from './support/fake-server';
import { FakeEventSource } from './support/fake-event-source';
import { findDialog } from './support/dialog';
import { actionsFor, notificationView, recipient, report } from './support/fixtures';
import { renderTab, signedInServer } from './support/render-tab';

const rows = [recipient('u1'), recipient('u2'), recipient('u3'), recipient('u4', { state: 'failed', reason: 'user_blocked_bot', reasonText: 'This person has blocked Herald in Teams, so Herald cannot message them.' })];

function reportServer(status: NotificationStatus, counts: Record<string, number>, reasons: Record<string, number> = {}, extra: Partial<ReturnType<typeof notificationView>> = {}) {
  const view = notificationView({ status, counts, total: 4, ...extra });
  const server = signedInServer();
  server.on('GET', '/api/notifications', { value: [view] });
  server.on('GET', '/api/notifications/:id', view);
  server.on('GET', '/api/notifications/:id/report', report({ status, counts, total: 4, reasons, actions: view.actions, scheduledAt: view.scheduledAt }));
  server.on('GET', '/api/notifications/:id/recipients', (request: SeenRequest) => {
    const state = request.query.get('state');
    return { json: { value: rows.filter((row) => !state || row.state === state), next: null } };
  });
  for (const action of ['cancel', 'resend-failed', 'recall']) server.on('POST', `/api/notifications/:id/${action}`, view);
  let tickets = 0;
  server.on('POST', '/api/notifications/:id/events/ticket', () => ({ status: 201, json: { ticket: `ticket-${(tickets += 1)}` } }));
  return server;
}

async function openReport(user: Awaited<ReturnType<typeof renderTab>>['user'], section = 'Sent') {
  await user.click(await screen.findByRole('button', { name: 'Notifications' }));
  await user.click(await screen.findByRole('button', { name: new RegExp(`^${section}`) }));
  await user.click(await screen.findByRole('button', { name: 'Quarterly update' }));
  await screen.findByRole('heading', { name: 'Quarterly update' });
}

async function tableLoaded() {
  // The recipient table loads its first page on its own: let it land inside the test, as a person would see it.
  await within(await screen.findByRole('table', { name: 'Recipients' })).findByText('Person u1');
}

describe('delivery report', () => {
  it('when progress events arrive, then the bar, counts, acknowledgements and poll results follow them', async () => {
    const server = reportServer('sending', { pending: 4 });
    const { user } = await renderTab(server);
    await openReport(user);
    await tableLoaded();
    await screen.findByText('0 of 4 processed');
    const events = FakeEventSource.latest();
    // Finding 12: the stream's address carries a single-use ticket asked for with the bearer header, never the token.
    expect(events.url).toBe('/api/notifications/n1/events?ticket=ticket-1');
    expect(server.to('POST', '/api/notifications/n1/events/ticket')[0]?.headers.authorization).toBe('Bearer sso-token-for-adele');

    const poll = { options: ['Yes', 'No'], counts: [2, 1], total: 3 };
    act(() => events.emit('progress', report({ counts: { sent: 2, failed: 1, sending: 1 }, reasons: { user_blocked_bot: 1 }, acknowledged: 2, poll })));
    // The cache tells the screen on its next tick.
    expect(await screen.findByText('3 of 4 processed')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Delivery progress' })).toHaveAttribute('aria-valuenow', '0.75');
    expect(screen.getByText('2 acknowledged')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Poll results' })).getByText('Yes: 2')).toBeInTheDocument();
  });

  // Finding 2: the label stayed "Sending" after every recipient was processed, until a reload.
  it('when the last progress event says completed, then the status label and the buttons follow without a reload', async () => {
    const server = reportServer('sending', { pending: 4 });
    const { user } = await renderTab(server);
    await openReport(user);
    expect(await screen.findByText('Status: Sending')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel sending' })).toBeInTheDocument();
    const events = FakeEventSource.latest();
    act(() => events.emit('progress', report({ status: 'completed', counts: { sent: 3, failed: 1 }, reasons: { retries_exhausted: 1 }, actions: actionsFor('completed', { sent: 3, failed: 1 }) })));
    expect(await screen.findByText('Status: Completed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel sending' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Recall…' })).toBeInTheDocument();
    expect(screen.getByText('4 of 4 processed')).toBeInTheDocument();
  });

  // Finding 2: a scheduled report said nothing about when, and showed an empty "0 of 0" table.
  it('when the notification is scheduled, then the report says when it will send and shows no empty table', async () => {
    const server = reportServer('scheduled', {}, {}, { scheduledAt: '2030-06-01T13:30:00.000Z', timeZone: 'America/New_York', sentAt: null });
    const { user } = await renderTab(server);
    await openReport(user, 'Scheduled');
    expect(await screen.findByText(/^Scheduled to send on .*2030.* \(America\/New_York\)\./)).toBeInTheDocument();
    expect(screen.getByText('Status: Scheduled')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Recipients' })).not.toBeInTheDocument();
    expect(screen.queryByText(/0 of 0/)).not.toBeInTheDocument();
  });

  // Finding 3: "no_teams_license: 4" in the summary and the reason filter; the Reason column truncated.
  it('when recipients failed, then reasons read as words in the summary, the filter and the table, with the whole sentence on focus', async () => {
    const server = reportServer('completed', { sent: 3, failed: 1 }, { user_blocked_bot: 1, no_teams_license: 4 });
    const { user } = await renderTab(server);
    await openReport(user);
    await tableLoaded();
    const reasons = screen.getByRole('region', { name: 'Failure reasons' });
    expect(within(reasons).getByText('Blocked Herald: 1 person')).toBeInTheDocument();
    expect(within(reasons).getByText('No Teams licence: 4 people')).toBeInTheDocument();
    expect(screen.queryByText(/no_teams_license|user_blocked_bot/)).not.toBeInTheDocument();
    const filter = screen.getByRole('combobox', { name: 'Filter by reason' });
    expect(within(filter).getAllByRole('option').map((option) => option.textContent)).toEqual(['All', 'Blocked Herald', 'No Teams licence']);

    const table = screen.getByRole('table', { name: 'Recipients' });
    const reason = within(table).getByText('Blocked Herald');
    // A keyboard stop of its own (the e2e suite tabs to it in Chromium), and the whole sentence on hover.
    expect(reason).toHaveAttribute('tabindex', '0');
    await user.hover(reason);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('This person has blocked Herald in Teams, so Herald cannot message them.');
  });

  it('when the table is filtered by state, then only those recipients are asked for and shown', async () => {
    const server = reportServer('completed', { sent: 3, failed: 1 }, { user_blocked_bot: 1 });
    const { user } = await renderTab(server);
    await openReport(user);
    await tableLoaded();
    const table = screen.getByRole('table', { name: 'Recipients' });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by state' }), 'failed');
    expect(await within(table).findByText('Blocked Herald')).toBeInTheDocument();
    await waitFor(() => expect(within(table).queryByText('Person u1')).not.toBeInTheDocument());
    expect(server.to('GET', '/api/notifications/n1/recipients').at(-1)?.query.get('state')).toBe('failed');
  });

  it('when the sender cancels and confirms, then the cancel is posted and the result shows beside the buttons', async () => {
    const server = reportServer('sending', { pending: 4 });
    const { user } = await renderTab(server);
    await openReport(user);
    await user.click(await screen.findByRole('button', { name: 'Cancel sending' }));
    await user.click((await findDialog('Stop sending?')).getButton('Cancel sending'));
    expect(await screen.findByText('Sending was stopped.')).toBeInTheDocument();
    expect(server.to('POST', '/api/notifications/n1/cancel')).toHaveLength(1);
  });

  // Finding 5: resend had no confirmation and no result.
  it('when the sender resends to failed, then it asks first, says how many, and shows the result', async () => {
    const server = reportServer('completed', { sent: 3, failed: 1 }, { retries_exhausted: 1 });
    const { user } = await renderTab(server);
    await openReport(user);
    await user.click(await screen.findByRole('button', { name: 'Resend to failed…' }));
    const dialog = await findDialog('Resend to failed recipients?');
    expect(dialog.getByText(/Herald tries again for 1 person/)).toBeInTheDocument();
    expect(server.to('POST', '/api/notifications/n1/resend-failed')).toHaveLength(0);
    await user.click(dialog.getButton('Resend'));
    expect(await screen.findByText('Sending again to 1 person.')).toBeInTheDocument();
    expect(server.to('POST', '/api/notifications/n1/resend-failed')).toHaveLength(1);
  });

  // Finding 5: resend was offered when every failure is permanent.
  it('when every failure is permanent, then resend is not offered', async () => {
    const server = reportServer('completed', { sent: 3, failed: 1 }, { user_blocked_bot: 1 }, { actions: ['edit', 'recall', 'duplicate'] });
    const { user } = await renderTab(server);
    await openReport(user);
    await screen.findByRole('button', { name: 'Recall…' });
    expect(screen.queryByRole('button', { name: /Resend/ })).not.toBeInTheDocument();
  });

  it('when the sender recalls, then it is posted only after confirming', async () => {
    const server = reportServer('completed', { sent: 3, failed: 1 }, { retries_exhausted: 1 });
    const { user } = await renderTab(server);
    await openReport(user);
    await user.click(await screen.findByRole('button', { name: 'Recall…' }));
    const dialog = await findDialog('Recall this notification?');
    expect(server.to('POST', '/api/notifications/n1/recall')).toHaveLength(0);
    await user.click(dialog.getButton('Recall'));
    expect(await screen.findByText('The card is being deleted from every chat.')).toBeInTheDocument();
    expect(server.to('POST', '/api/notifications/n1/recall')).toHaveLength(1);
  });
});
