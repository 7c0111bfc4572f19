import { screen, within } from '@testing-library/react';
import type { SeenRequest } from './support/fake-server';
import { senderMe } from './support/fixtures';
import { renderTab, signedInServer } from './support/render-tab';

const adminMe = { ...senderMe, user: { id: 'u-megan', displayName: 'Megan Bowen', upn: 'megan@contoso.test' }, roles: ['admin'] };
const megan = { userId: 'u-megan', upn: 'megan@contoso.test', displayName: 'Megan Bowen', role: 'admin', allowedAudienceKinds: ['user', 'group', 'team', 'csv', 'everyone'] };

function adminServer() {
  const server = signedInServer(adminMe);
  const senders = [megan];
  server.on('GET', '/api/senders', () => ({ json: { value: [...senders] } }));
  server.on('GET', '/api/search', (request: SeenRequest) => ({
    json: { value: request.query.get('q')?.startsWith('gra') ? [{ kind: 'user', id: 'u-grady', displayName: 'Grady Archie', secondary: 'grady@contoso.test' }] : [] },
  }));
  server.on('PUT', '/api/senders/:userId', (request: SeenRequest, params: Record<string, string>) => {
    const body = request.body as { role: string; allowedAudienceKinds: string[] };
    const saved = { userId: params.userId, upn: 'grady@contoso.test', displayName: 'Grady Archie', ...body };
    senders.push(saved as typeof megan);
    return { json: saved };
  });
  return server;
}

describe('senders', () => {
  // Finding 1: the Senders screen could not add anyone; only people who already had a role were listed.
  it('when an admin finds a new person, then they can make them a sender with chosen audience kinds, and the list shows them', async () => {
    const server = adminServer();
    const { user } = await renderTab(server);
    await user.click(await screen.findByRole('button', { name: 'Senders' }));
    await user.type(await screen.findByRole('searchbox', { name: 'Find a person' }), 'grady');
    await user.click(await screen.findByRole('button', { name: 'Add Grady Archie' }));
    expect(server.to('GET', '/api/search').at(-1)?.query.get('kinds')).toBe('user');
    expect(screen.getByText('Chosen: Grady Archie (grady@contoso.test)')).toBeInTheDocument();
    const kinds = screen.getByRole('group', { name: 'May send to' });
    await user.click(within(kinds).getByRole('checkbox', { name: 'CSV file' }));
    await user.click(screen.getByRole('button', { name: 'Make Grady Archie a sender' }));

    expect(await screen.findByText('Grady Archie is now sender.')).toBeInTheDocument();
    expect(server.to('PUT', '/api/senders/u-grady')[0]?.body).toEqual({ role: 'sender', allowedAudienceKinds: ['user', 'group', 'team'] });
    expect(await within(screen.getByRole('table', { name: 'People with access' })).findByText('Grady Archie')).toBeInTheDocument();
  });

  it('when an existing sender is changed, then the result shows in that row', async () => {
    const server = adminServer();
    const { user } = await renderTab(server);
    await user.click(await screen.findByRole('button', { name: 'Senders' }));
    const row = within(await screen.findByRole('table', { name: 'People with access' })).getByRole('row', { name: /Megan Bowen/ });
    await user.click(within(row).getByRole('checkbox', { name: 'Everyone' }));
    await user.click(within(row).getByRole('button', { name: 'Save Megan Bowen' }));
    expect(await within(row).findByText('Changes for Megan Bowen saved.')).toBeInTheDocument();
  });
});
