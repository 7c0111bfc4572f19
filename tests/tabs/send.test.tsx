import { screen, within } from '@testing-library/react';
import { findDialog } from './support/dialog';
import { withAudienceRoutes } from './support/audience-routes';
import type { FakeServer, SeenRequest } from './support/fake-server';
import { notificationView, report } from './support/fixtures';
import { renderTab, signedInServer } from './support/render-tab';

function sendingServer(): FakeServer {
  const server = signedInServer();
  withAudienceRoutes(server);
  server.on('POST', '/api/notifications', (request: SeenRequest) => ({ status: 201, json: notificationView({ id: 'd1', status: 'draft', ...(request.body as object) }) }));
  server.on('POST', '/api/notifications/:id/send', (request: SeenRequest) => ({ json: notificationView({ id: 'd1', ...(request.body as object) }) }));
  server.on('GET', '/api/notifications/:id', notificationView({ id: 'd1' }));
  server.on('GET', '/api/notifications/:id/report', report({ notificationId: 'd1' }));
  server.on('GET', '/api/notifications/:id/recipients', { value: [], next: null });
  return server;
}

async function composeForSales(user: Awaited<ReturnType<typeof renderTab>>['user']) {
  await user.type(await screen.findByRole('textbox', { name: /Title/ }), 'Sales kick-off');
  await user.type(screen.getByRole('searchbox', { name: 'Search people, groups and teams' }), 'sales');
  await user.click(await screen.findByRole('button', { name: 'Add Sales' }));
  await screen.findByText('1,234 recipients');
}

describe('sending', () => {
  it('when the author sends, then the confirmation names the audience and the send goes out after confirming', async () => {
    const server = sendingServer();
    const { user } = await renderTab(server);
    await composeForSales(user);
    await user.click(screen.getByRole('button', { name: 'Send…' }));
    const dialog = await findDialog('Send this notification?');
    expect(dialog.getByText('1,234 people will receive “Sales kick-off”.')).toBeInTheDocument();
    expect(within(dialog.getList('Chosen:')).getByText('Sales (Group)')).toBeInTheDocument();
    expect(dialog.getByText('Guests are not included.')).toBeInTheDocument();
    expect(server.to('POST', '/api/notifications/d1/send')).toHaveLength(0);

    await user.click(dialog.getButton('Send now'));
    expect(await screen.findByRole('heading', { name: 'Quarterly update' })).toBeInTheDocument();
    const draft = server.to('POST', '/api/notifications')[0]?.body;
    expect(draft).toMatchObject({ content: { title: 'Sales kick-off' }, audience: { include: [{ kind: 'group', id: 'g-sales' }] } });
    expect(server.to('POST', '/api/notifications/d1/send')[0]?.body).toEqual({ timeZone: expect.any(String) });
  });

  it('when the author schedules, then the UTC instant of the chosen wall-clock time is posted with the zone', async () => {
    const server = sendingServer();
    const { user } = await renderTab(server);
    await composeForSales(user);
    await user.click(screen.getByRole('radio', { name: 'At a scheduled time' }));
    await user.type(screen.getByLabelText('Date'), '2030-06-01');
    await user.type(screen.getByLabelText('Time'), '09:30');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time zone' }), 'America/New_York');
    await user.click(screen.getByRole('button', { name: 'Schedule…' }));
    const dialog = await findDialog('Send this notification?');
    expect(dialog.getByText(/It will be sent on .*2030.* \(America\/New_York\)\./)).toBeInTheDocument();
    await user.click(dialog.getButton('Schedule'));
    await screen.findByRole('heading', { name: 'Quarterly update' });
    // 09:30 in New York in June is daylight time, UTC−4.
    expect(server.to('POST', '/api/notifications/d1/send')[0]?.body).toEqual({ scheduledAt: '2030-06-01T13:30:00.000Z', timeZone: 'America/New_York' });
  });
});
