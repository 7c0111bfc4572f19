import { screen, within } from '@testing-library/react';
import { senderMe } from './support/fixtures';
import { notificationView } from './support/fixtures';
import { renderTab, signedInServer } from './support/render-tab';

const adminMe = { ...senderMe, roles: ['admin'] };

describe('audit log', () => {
  // Finding 3: `notification.recall`, `role.seed`, `HERALD_ADMINS` and bare object ids were shown as they are stored.
  it('when entries are listed, then actions, actors and targets read as words, never codes or bare ids', async () => {
    const server = signedInServer(adminMe);
    server.on('GET', '/api/notifications', { value: [notificationView({ id: '7f3c2a10-0000-4000-8000-000000000001', title: 'Quarterly update' })] });
    server.on('GET', '/api/audit', {
      value: [
        { at: '2030-01-02T10:00:00.000Z', actor: 'adele@contoso.test', action: 'notification.recall', target: '7f3c2a10-0000-4000-8000-000000000001', details: {} },
        { at: '2030-01-01T10:00:00.000Z', actor: 'HERALD_ADMINS', action: 'role.seed', target: 'megan@contoso.test', details: { role: 'admin' } },
        { at: '2030-01-01T09:00:00.000Z', actor: 'megan@contoso.test', action: 'role.change', target: 'lee@contoso.test', details: { before: { role: 'none' }, after: { role: 'sender', allowedAudienceKinds: ['user'] } } },
      ],
      next: null,
    });
    const { user } = await renderTab(server);
    await user.click(await screen.findByRole('button', { name: 'Audit log' }));
    const table = await screen.findByRole('table', { name: 'Audit log' });
    await within(table).findByText('Recalled a notification');
    expect(within(table).getByText('Quarterly update')).toBeInTheDocument();
    expect(within(table).getByText('Made someone an administrator')).toBeInTheDocument();
    expect(within(table).getByText('Herald’s configuration (the administrators set at start-up)')).toBeInTheDocument();
    expect(within(table).getByText('megan@contoso.test: Administrator')).toBeInTheDocument();
    expect(within(table).getByText('lee@contoso.test: Sender')).toBeInTheDocument();
    expect(table.textContent).not.toMatch(/notification\.recall|role\.seed|HERALD_ADMINS|7f3c2a10/);
  });
});
