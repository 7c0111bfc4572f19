import { screen, within } from '@testing-library/react';
import { findDialog } from './support/dialog';
import { notificationView } from './support/fixtures';
import { renderTab, signedInServer } from './support/render-tab';

const draft = notificationView({ id: 'd1', title: 'Canteen menu', status: 'draft', sentAt: null, total: 0, counts: {} });
const scheduled = notificationView({ id: 's1', title: 'Fire drill', status: 'scheduled', sentAt: null, scheduledAt: '2030-06-01T08:00:00.000Z', owner: { id: 'u-lee', upn: 'lee@contoso.test' }, origin: 'cli' });
const sent = notificationView({ id: 'n1', title: 'Quarterly update', status: 'completed', counts: { sent: 3 }, total: 3, origin: 'compose', owner: { id: 'u-megan', upn: 'megan@contoso.test' } });

function listServer() {
  const server = signedInServer();
  server.on('GET', '/api/notifications', { value: [draft, scheduled, sent] });
  return server;
}

describe('notifications list', () => {
  // Finding 8: no "created by", no origin, no separation of drafts, scheduled and sent.
  it('when opened, then drafts, scheduled and sent are separate lists, each row saying who created it and where', async () => {
    const { user } = await renderTab(listServer());
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByRole('button', { name: 'Drafts (1)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scheduled (1)' })).toBeInTheDocument();
    const sentTable = await screen.findByRole('table', { name: 'Sent' });
    const row = within(sentTable).getByRole('row', { name: /Quarterly update/ });
    expect(within(row).getByText('megan@contoso.test')).toBeInTheDocument();
    expect(within(row).getByText('Team compose box')).toBeInTheDocument();
    expect(within(sentTable).queryByText('Canteen menu')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Scheduled (1)' }));
    const scheduledRow = within(await screen.findByRole('table', { name: 'Scheduled' })).getByRole('row', { name: /Fire drill/ });
    expect(within(scheduledRow).getByText('Command line')).toBeInTheDocument();
    expect(within(scheduledRow).getByText('lee@contoso.test')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Drafts (1)' }));
    const draftRow = within(await screen.findByRole('table', { name: 'Drafts' })).getByRole('row', { name: /Canteen menu/ });
    expect(within(draftRow).getByText('You')).toBeInTheDocument();
    expect(within(draftRow).getByText('Herald tab')).toBeInTheDocument();
  });

  // Finding 8: a sent notification could not be duplicated.
  it('when a sent notification is duplicated, then a new draft with its content opens and says it is a copy', async () => {
    const server = listServer();
    const copy = notificationView({ id: 'c1', title: 'Quarterly update', status: 'draft', sentAt: null, counts: {}, total: 0 });
    server.on('POST', '/api/notifications/:id/duplicate', () => ({ status: 201, json: copy }));
    server.on('GET', '/api/notifications/:id', copy);
    const { user } = await renderTab(server);
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    await user.click(await screen.findByRole('button', { name: 'Duplicate Quarterly update' }));
    expect(await screen.findByText('A copy of “Quarterly update” is open as a draft.')).toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: /Title/ })).toHaveValue('Quarterly update');
    expect(server.to('POST', '/api/notifications/n1/duplicate')).toHaveLength(1);
    expect(window.location.hash).toBe('#/compose/c1');
  });

  // Finding 8: the tab never said who you are.
  it('when signed in, then the tab says who and in which role', async () => {
    await renderTab(listServer());
    expect(await screen.findByText('Signed in as Adele Vance · Sender')).toBeInTheDocument();
  });

  // Finding 5: editing a sent card had no confirmation or progress and left the old title in the list.
  it('when a sent card is edited, then it asks first, reports the update, and the list shows the new title', async () => {
    const server = listServer();
    const edited = { ...sent, title: 'Quarterly update (corrected)', content: { ...sent.content, title: 'Quarterly update (corrected)' }, editedAt: '2030-01-02T10:00:00.000Z' };
    server.on('GET', '/api/notifications/:id', sent);
    server.on('GET', '/api/notifications/:id/report', { notificationId: 'n1', status: 'completed', total: 3, counts: { sent: 3 }, reasons: {}, acknowledged: 0, poll: null, ratePerSecond: 0, etaSeconds: null, actions: sent.actions });
    server.on('GET', '/api/notifications/:id/recipients', { value: [], next: null });
    server.on('POST', '/api/notifications/:id/edit', () => {
      server.on('GET', '/api/notifications', { value: [draft, scheduled, edited] });
      server.on('GET', '/api/notifications/:id', edited);
      return { json: edited };
    });
    const { user } = await renderTab(server);
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    await user.click(await screen.findByRole('button', { name: 'Quarterly update' }));
    await user.click(await screen.findByRole('button', { name: 'Edit card' }));
    const title = await screen.findByRole('textbox', { name: /Title/ });
    await user.clear(title);
    await user.type(title, 'Quarterly update (corrected)');
    await user.click(screen.getByRole('button', { name: 'Update the sent card…' }));
    const dialog = await findDialog('Update the card for everyone?');
    expect(dialog.getByText('The card is replaced in the chat of 3 people who received it.')).toBeInTheDocument();
    expect(server.to('POST', '/api/notifications/n1/edit')).toHaveLength(0);
    await user.click(dialog.getButton('Update the card'));
    expect(await screen.findByText('The card is being updated for every recipient.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Quarterly update (corrected)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to notifications' }));
    expect(await within(await screen.findByRole('table', { name: 'Sent' })).findByText('Quarterly update (corrected)')).toBeInTheDocument();
  });
});
