import { screen, within } from '@testing-library/react';
import { findDialog } from './support/dialog';
import { withAudienceRoutes } from './support/audience-routes';
import type { FakeServer, SeenRequest } from './support/fake-server';
import { notificationView, report } from './support/fixtures';
import { openStep, renderTab, signedInServer } from './support/render-tab';

function sendingServer(): FakeServer {
  const server = signedInServer();
  withAudienceRoutes(server);
  server.on('POST', '/api/notifications', (request: SeenRequest) => ({ status: 201, json: notificationView({ id: 'd1', status: 'draft', ...(request.body as object) }) }));
  server.on('POST', '/api/notifications/:id/send', (request: SeenRequest) => ({ json: notificationView({ id: 'd1', ...(request.body as object) }) }));
  server.on('GET', '/api/notifications/:id', notificationView({ id: 'd1' }));
  server.on('GET', '/api/notifications/:id/report', report({ notificationId: 'd1' }));
  server.on('GET', '/api/notifications/:id/recipients', { value: [], next: null });
  server.on('POST', '/api/notifications/:id/events/ticket', { ticket: 't' });
  return server;
}

async function composeForSales(user: Awaited<ReturnType<typeof renderTab>>['user']) {
  await user.type(await screen.findByRole('textbox', { name: /Title/ }), 'Sales kick-off');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.type(await screen.findByRole('searchbox', { name: 'Search people, groups and teams' }), 'sales');
  await user.click(await screen.findByRole('button', { name: 'Add Sales' }));
  await screen.findByText('1,234 recipients');
  await openStep(user, '3. Review and send');
  // The review step's code arrives when the step is opened.
  await screen.findByRole('button', { name: 'Send…' });
}

describe('sending', () => {
  it('when the author sends, then the confirmation names the audience, the send goes out, and focus lands on the report', async () => {
    const server = sendingServer();
    const { user } = await renderTab(server);
    await composeForSales(user);
    // The review step shows the card beside what goes out and to whom.
    expect(within(screen.getByRole('region', { name: 'Preview' })).getByText('Sales kick-off')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send…' }));
    const dialog = await findDialog('Send this notification?');
    expect(dialog.getByText('1,234 people will receive “Sales kick-off”.')).toBeInTheDocument();
    expect(within(dialog.getList('Chosen:')).getByText('Sales (Group)')).toBeInTheDocument();
    expect(dialog.getByText('Guests are not included.')).toBeInTheDocument();
    expect(server.to('POST', '/api/notifications/d1/send')).toHaveLength(0);

    await user.click(dialog.getButton('Send now'));
    const heading = await screen.findByRole('heading', { name: 'Quarterly update' });
    // Finding 11: focus went to the page after sending.
    expect(heading).toHaveFocus();
    const draft = server.to('POST', '/api/notifications')[0]?.body;
    expect(draft).toMatchObject({ content: { title: 'Sales kick-off' }, audience: { include: [{ kind: 'group', id: 'g-sales' }] } });
    expect(server.to('POST', '/api/notifications/d1/send')[0]?.body).toEqual({ timeZone: expect.any(String) });
  }, 60_000);

  it('when the author schedules in a zone found by its city, then the UTC instant of the chosen wall-clock time is posted with the zone', async () => {
    const server = sendingServer();
    const { user } = await renderTab(server);
    await composeForSales(user);
    await user.click(screen.getByRole('radio', { name: 'At a scheduled time' }));
    await user.type(screen.getByLabelText('Date'), '2030-06-01');
    await user.type(screen.getByLabelText('Time'), '09:30');
    const zone = screen.getByRole('combobox', { name: /Time zone/ });
    await user.tripleClick(zone);
    await user.paste('New York');
    await user.click(await screen.findByRole('option', { name: /New York.*America\/New_York/ }));
    await user.click(screen.getByRole('button', { name: 'Schedule…' }));
    const dialog = await findDialog('Send this notification?');
    expect(dialog.getByText(/It will be sent on .*2030.* \(America\/New_York\)\./)).toBeInTheDocument();
    await user.click(dialog.getButton('Schedule'));
    await screen.findByRole('heading', { name: 'Quarterly update' });
    // 09:30 in New York in June is daylight time, UTC−4.
    expect(server.to('POST', '/api/notifications/d1/send')[0]?.body).toEqual({ scheduledAt: '2030-06-01T13:30:00.000Z', timeZone: 'America/New_York' });
  }, 60_000);

  it('when the zone search is an offset, then zones at that offset are offered, the own zone first in the full list', async () => {
    const { user } = await renderTab(sendingServer());
    await composeForSales(user);
    await user.click(screen.getByRole('radio', { name: 'At a scheduled time' }));
    const zone = screen.getByRole('combobox', { name: /Time zone/ });
    await user.click(zone);
    const all = await screen.findAllByRole('option');
    expect(all[0]?.textContent).toMatch(/\(your time zone\)$/);
    await user.keyboard('{Escape}');
    await user.tripleClick(zone);
    await user.paste('+09:00');
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(expect.arrayContaining([expect.stringMatching(/UTC\+09:00 · Tokyo.*\(Asia\/Tokyo\)/)]));
    expect(options.every((option) => /UTC\+09:00/.test(option.textContent ?? ''))).toBe(true);
  }, 60_000);
});
