import { screen } from '@testing-library/react';
import { withAudienceRoutes } from './support/audience-routes';
import { renderTab, signedInServer } from './support/render-tab';

describe('audience picker', () => {
  it('when the author types a name, then one debounced search runs and its result becomes a chip', async () => {
    const server = signedInServer();
    withAudienceRoutes(server);
    const { user } = await renderTab(server);
    await user.type(await screen.findByRole('searchbox', { name: 'Search people, groups and teams' }), 'adele');
    await user.click(await screen.findByRole('button', { name: 'Add Adele Vance' }));
    expect(server.to('GET', '/api/search').map((request) => request.query.get('q'))).toEqual(['adele']);
    expect(server.to('GET', '/api/search')[0]?.query.get('kinds')).toBe('user,group,team');
    expect(screen.getByRole('button', { name: /Remove Adele Vance/ })).toBeInTheDocument();
  });

  it('when sources are chosen, then the resolved count, installs needed and delivery estimate are shown', async () => {
    const server = signedInServer();
    withAudienceRoutes(server);
    const { user } = await renderTab(server);
    await user.click(await screen.findByRole('switch', { name: 'Everyone in the organisation' }));
    expect(await screen.findByText('1,234 recipients')).toBeInTheDocument();
    expect(screen.getByText('200 need Herald installed first')).toBeInTheDocument();
    expect(screen.getByText('Estimated delivery: about 5 minutes')).toBeInTheDocument();
    expect(server.to('POST', '/api/audience/preview').at(-1)?.body).toEqual({ include: [{ kind: 'everyone' }], exclude: [], includeGuests: false });
  });

  it('when a CSV is added, then its rows go to the preview and refused rows are listed', async () => {
    const server = signedInServer();
    withAudienceRoutes(server, { recipients: 1, csvErrors: [{ row: 3, value: 'nobody@contoso.test', message: 'no such user' }] });
    const { user } = await renderTab(server);
    const csv = new File(['upn\nadele@contoso.test\nnobody@contoso.test\n'], 'people.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('Add a CSV of people (UPNs or ids)'), csv);
    expect(await screen.findByText('Row 3 (nobody@contoso.test): no such user')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Remove people.csv/ })).toBeInTheDocument();
    const sent = server.to('POST', '/api/audience/preview').at(-1)?.body as { include: { kind: string; text: string }[] };
    expect(sent.include[0]).toMatchObject({ kind: 'csv', text: expect.stringContaining('nobody@contoso.test') });
  });

  it('when a result is added as an exclusion, then the preview excludes it', async () => {
    const server = signedInServer();
    withAudienceRoutes(server);
    const { user } = await renderTab(server);
    await user.click(await screen.findByRole('switch', { name: 'Everyone in the organisation' }));
    await user.click(screen.getByRole('radio', { name: 'Exclusions' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search people, groups and teams' }), 'sales');
    await user.click(await screen.findByRole('button', { name: 'Add Sales' }));
    await screen.findByText('1,234 recipients');
    const body = server.to('POST', '/api/audience/preview').at(-1)?.body;
    expect(body).toMatchObject({ include: [{ kind: 'everyone' }], exclude: [{ kind: 'group', id: 'g-sales', label: 'Sales' }] });
  });
});
