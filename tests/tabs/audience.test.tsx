import { screen } from '@testing-library/react';
import { withAudienceRoutes } from './support/audience-routes';
import { openStep, renderTab, signedInServer } from './support/render-tab';

describe('audience picker', () => {
  it('when the author types a name, then one debounced search runs and its result becomes a chip', async () => {
    const server = signedInServer();
    withAudienceRoutes(server);
    const { user } = await renderTab(server);
    await openStep(user, '2. Audience');
    await user.type(await screen.findByRole('searchbox', { name: 'Search people, groups and teams' }), 'adele');
    await user.click(await screen.findByRole('button', { name: 'Add Adele Vance' }));
    expect(server.to('GET', '/api/search').map((request) => request.query.get('q'))).toEqual(['adele']);
    expect(server.to('GET', '/api/search')[0]?.query.get('kinds')).toBe('user,group,team');
    expect(screen.getByRole('button', { name: /Remove Adele Vance/ })).toBeInTheDocument();
  });

  // Finding 11: focus dropped to the page after "Add <name>" (the button disappears with the results).
  it('when a result is added, then focus returns to the search box and the addition is announced', async () => {
    const server = signedInServer();
    withAudienceRoutes(server);
    const { user } = await renderTab(server);
    await openStep(user, '2. Audience');
    const search = await screen.findByRole('searchbox', { name: 'Search people, groups and teams' });
    await user.type(search, 'adele');
    await user.click(await screen.findByRole('button', { name: 'Add Adele Vance' }));
    expect(search).toHaveFocus();
    expect(screen.getByText('Adele Vance added.')).toBeInTheDocument();
  });

  it('when sources are chosen, then the resolved count, installs needed and delivery estimate are shown', async () => {
    const server = signedInServer();
    withAudienceRoutes(server);
    const { user } = await renderTab(server);
    await openStep(user, '2. Audience');
    await user.click(await screen.findByRole('switch', { name: 'Everyone in the organisation' }));
    expect(await screen.findByText('1,234 recipients')).toBeInTheDocument();
    expect(screen.getByText('200 need Herald installed first')).toBeInTheDocument();
    expect(screen.getByText('Estimated delivery: about 5 minutes')).toBeInTheDocument();
    expect(server.to('POST', '/api/audience/preview').at(-1)?.body).toEqual({ include: [{ kind: 'everyone' }], exclude: [], includeGuests: false });
  });

  // Finding 7: "Row 0" for a person the directory does not know (row 6 of the file); no count on the chip.
  it('when a CSV is added, then its chip counts its rows and every refused row is named by its row in the file', async () => {
    const server = signedInServer();
    const csvErrors = [
      { row: 3, value: 'not-an-address', message: 'not a user principal name or an Entra object id' },
      { row: 0, value: 'nobody@contoso.test', message: 'no such user' },
    ];
    withAudienceRoutes(server, { recipients: 3, csvErrors });
    const { user } = await renderTab(server);
    await openStep(user, '2. Audience');
    const csv = new File(['upn\nadele@contoso.test\nnot-an-address\nlee@contoso.test\nmegan@contoso.test\nnobody@contoso.test\n'], 'people.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('Add a CSV of people (UPNs or ids)'), csv);
    expect(await screen.findByText('Row 3 (not-an-address): this is neither an email address (UPN) nor an object id.')).toBeInTheDocument();
    expect(screen.getByText('Row 6 (nobody@contoso.test): nobody in the directory has this address or id.')).toBeInTheDocument();
    expect(screen.queryByText(/Row 0/)).not.toBeInTheDocument();
    expect(screen.getByText('CSV file · 5 rows')).toBeInTheDocument();
    const sent = server.to('POST', '/api/audience/preview').at(-1)?.body as { include: { kind: string; text: string }[] };
    expect(sent.include[0]).toMatchObject({ kind: 'csv', text: expect.stringContaining('nobody@contoso.test') });
  });

  // Finding 7: unlicensed people were counted without a warning.
  it('when some recipients have no Teams licence, then the summary warns that they will not receive it', async () => {
    const server = signedInServer();
    withAudienceRoutes(server, { unlicensed: 4 });
    const { user } = await renderTab(server);
    await openStep(user, '2. Audience');
    await user.click(await screen.findByRole('switch', { name: 'Everyone in the organisation' }));
    expect(await screen.findByText('4 people have no Teams licence and will not receive it.')).toBeInTheDocument();
  });

  it('when a result is added as an exclusion, then the preview excludes it', async () => {
    const server = signedInServer();
    withAudienceRoutes(server);
    const { user } = await renderTab(server);
    await openStep(user, '2. Audience');
    await user.click(await screen.findByRole('switch', { name: 'Everyone in the organisation' }));
    await user.click(screen.getByRole('radio', { name: 'Exclusions' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search people, groups and teams' }), 'sales');
    await user.click(await screen.findByRole('button', { name: 'Add Sales' }));
    await screen.findByText('1,234 recipients');
    const body = server.to('POST', '/api/audience/preview').at(-1)?.body;
    expect(body).toMatchObject({ include: [{ kind: 'everyone' }], exclude: [{ kind: 'group', id: 'g-sales', label: 'Sales' }] });
  });
});
