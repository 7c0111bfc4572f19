import { screen, waitFor, within } from '@testing-library/react';
import type { SeenRequest } from './support/fake-server';
import { renderTab, signedInServer } from './support/render-tab';

function budgetBytes(): number {
  const status = within(screen.getByRole('region', { name: 'Preview' })).getByRole('status');
  const match = /([\d.]+) KB left/.exec(status.textContent ?? '');
  if (!match?.[1]) throw new Error(`no budget in "${status.textContent}"`);
  return Number(match[1]) * 1000;
}

describe('compose screen', () => {
  it('when the author types a title, then the live preview shows it', async () => {
    const { user } = await renderTab(signedInServer());
    await user.type(await screen.findByRole('textbox', { name: /Title/ }), 'Town hall on Friday');
    expect(await within(screen.getByRole('region', { name: 'Preview' })).findByText('Town hall on Friday')).toBeInTheDocument();
  });

  it('when the body grows, then the remaining size budget shrinks', async () => {
    const { user } = await renderTab(signedInServer());
    await user.type(await screen.findByRole('textbox', { name: /Title/ }), 'Budget');
    await within(screen.getByRole('region', { name: 'Preview' })).findByText('Budget');
    const before = budgetBytes();
    await user.click(screen.getByRole('textbox', { name: 'Body' }));
    await user.paste('x'.repeat(2000));
    // The budget is shown to a tenth of a KB, so 2,000 more bytes show as at least 1.9 KB less.
    await waitFor(() => expect(budgetBytes()).toBeLessThanOrEqual(before - 1900));
  });

  it('when six buttons exist, then a seventh cannot be added', async () => {
    const { user } = await renderTab(signedInServer());
    const add = await screen.findByRole('button', { name: 'Add a button' });
    for (let i = 0; i < 6; i += 1) await user.click(add);
    expect(screen.getAllByRole('textbox', { name: /Button \d label/ })).toHaveLength(6);
    expect(add).toBeDisabled();
    expect(screen.getByText('A card can have up to 6 buttons.')).toBeInTheDocument();
  });

  it('when saving without a title or with an http link, then the schema messages show inline and nothing is sent', async () => {
    const server = signedInServer();
    const { user } = await renderTab(server);
    await user.click(await screen.findByRole('button', { name: 'Add a button' }));
    await user.type(screen.getByRole('textbox', { name: 'Button 1 label' }), 'Open');
    await user.type(screen.getByRole('textbox', { name: 'Button 1 link' }), 'http://contoso.com');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('a title is required')).toBeInTheDocument();
    expect(screen.getByText('must start with https://')).toBeInTheDocument();
    expect(server.to('POST', '/api/notifications')).toHaveLength(0);
  });

  it('when a valid draft is saved, then it is posted with the content the author wrote', async () => {
    const server = signedInServer();
    server.on('POST', '/api/notifications', (request: SeenRequest) => ({ status: 201, json: draftAnswer(request.body) }));
    const { user } = await renderTab(server);
    await user.type(await screen.findByRole('textbox', { name: /Title/ }), 'Lunch');
    await user.click(screen.getByRole('switch', { name: 'Ask recipients to acknowledge' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Draft saved.')).toBeInTheDocument();
    expect(server.to('POST', '/api/notifications')[0]?.body).toMatchObject({ content: { title: 'Lunch', acknowledge: true } });
    expect(server.to('POST', '/api/notifications')[0]?.headers.authorization).toBe('Bearer sso-token-for-adele');
  });
});

function draftAnswer(body: unknown) {
  const { content } = body as { content: Record<string, unknown> };
  return {
    id: 'd1', title: content.title, status: 'draft', createdAt: '2030-01-01T00:00:00Z', createdBy: 'u-adele', scheduledAt: null,
    timeZone: 'UTC', sentAt: null, completedAt: null, total: 0, counts: {}, content, audience: null,
  };
}
