import { screen, within } from '@testing-library/react';
import { senderMe } from './support/fixtures';
import { renderTab, signedInServer } from './support/render-tab';

const forbidden = { status: 403, json: { error: { code: 'forbidden', message: 'You are not an authorised sender.' } } };

describe('not authorised', () => {
  it('when the signed-in user holds no Herald role, then the tab says who they are and names the admins to ask', async () => {
    await renderTab(signedInServer({ ...senderMe, roles: [], admins: ['Megan Bowen (megan@contoso.test)', 'Lee Gu (lee@contoso.test)'] }));
    expect(await screen.findByRole('heading', { name: 'You are not an authorised sender' })).toBeInTheDocument();
    expect(screen.getByText('You are signed in as adele@contoso.test.')).toBeInTheDocument();
    const admins = within(screen.getByRole('list', { name: /Ask one of these Herald administrators/ }));
    expect(admins.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Megan Bowen (megan@contoso.test)', 'Lee Gu (lee@contoso.test)']);
    expect(screen.queryByRole('button', { name: 'Compose' })).not.toBeInTheDocument();
  });

  it('when a call answers 403 because the role was withdrawn, then the same screen replaces the tab', async () => {
    const server = signedInServer();
    const { user } = await renderTab(server);
    server.on('GET', '/api/notifications', () => forbidden);
    server.on('GET', '/api/me', { ...senderMe, roles: [] });
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    expect(await screen.findByRole('heading', { name: 'You are not an authorised sender' })).toBeInTheDocument();
    expect(screen.getByText('Megan Bowen (megan@contoso.test)')).toBeInTheDocument();
  });

  // Finding 8: an unknown person's sign-in showed "Something went wrong" with nothing to do.
  it('when the directory does not know the person signing in, then the tab says so and what to do', async () => {
    const server = signedInServer();
    server.on('POST', '/contoso/_emulator/sso-token', () => ({ status: 404, json: { error: 'user_not_found' } }));
    await renderTab(server, { href: 'http://tab.test/?standalone=1&upn=nobody@contoso.test' });
    expect(await screen.findByRole('heading', { name: 'Herald does not know this account' })).toBeInTheDocument();
    expect(screen.getByText(/nobody@contoso.test is not a person of this organisation’s directory|nobody@contoso.test is not a person of this organisation's directory/)).toBeInTheDocument();
    expect(screen.queryByText('Something went wrong. Try again.')).not.toBeInTheDocument();
  });
});
