import { screen, within } from '@testing-library/react';
import { senderMe } from './support/fixtures';
import { renderTab, signedInServer } from './support/render-tab';

const forbidden = { status: 403, json: { error: { code: 'not_a_sender', message: 'Only authorised senders may do this.' } } };

describe('not authorised', () => {
  it('when the signed-in user holds no Herald role, then the tab names the admins to ask', async () => {
    await renderTab(signedInServer({ ...senderMe, roles: [], admins: ['Megan Bowen (megan@contoso.test)', 'Lee Gu (lee@contoso.test)'] }));
    expect(await screen.findByRole('heading', { name: 'You are not an authorised sender' })).toBeInTheDocument();
    const admins = within(screen.getByRole('list', { name: 'Ask one of these Herald administrators for access:' }));
    expect(admins.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Megan Bowen (megan@contoso.test)', 'Lee Gu (lee@contoso.test)']);
    expect(screen.queryByRole('tab', { name: 'Compose' })).not.toBeInTheDocument();
  });

  it('when any call answers 403, then the same screen replaces the tab', async () => {
    const server = signedInServer();
    server.on('GET', '/api/notifications', () => forbidden);
    const { user } = await renderTab(server);
    await user.click(await screen.findByRole('tab', { name: 'Notifications' }));
    expect(await screen.findByRole('heading', { name: 'You are not an authorised sender' })).toBeInTheDocument();
    expect(screen.getByText('Megan Bowen (megan@contoso.test)')).toBeInTheDocument();
  });
});
