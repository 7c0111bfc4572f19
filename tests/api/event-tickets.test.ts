import { startApiHerald, readEvents, type ApiHerald } from './support/api-herald';

/** Finding 12 of issue 15: the report's event stream never carries the access token in its address. */
describe('the report event stream: single-use tickets instead of a token in the address', () => {
  let t: ApiHerald;
  let admin: string;
  let id: string;
  beforeAll(async () => {
    t = await startApiHerald();
    admin = await t.tokenFor(t.adminUpn);
    const created = await t.call(admin, 'POST', '/api/notifications', { content: { title: 'Ticket check' } });
    id = created.body.id as string;
  });
  afterAll(() => t.close());

  const stream = (query: string) => fetch(`${t.baseUrl}/api/notifications/${id}/events?${query}`, { headers: { accept: 'text/event-stream' } });

  it('when the token is put in the address, then the stream refuses it', async () => {
    const answer = await stream(`access_token=${encodeURIComponent(admin)}`);
    expect(answer.status).toBe(401);
  });

  it('when a ticket is asked for without the bearer header, then 401', async () => {
    const answer = await t.call(undefined, 'POST', `/api/notifications/${id}/events/ticket`);
    expect(answer.status).toBe(401);
  });

  it('when a ticket is used, then the stream opens once, and the same ticket is refused the second time', async () => {
    const issued = await t.call(admin, 'POST', `/api/notifications/${id}/events/ticket`);
    expect(issued.status).toBe(201);
    const ticket = issued.body.ticket as string;
    expect(ticket).toMatch(/^[\w-]{20,}$/);
    const events = await readEvents(`${t.baseUrl}/api/notifications/${id}/events?ticket=${encodeURIComponent(ticket)}`, (seen) => seen.length > 0, 10_000);
    expect(events[0]).toMatchObject({ event: 'progress', data: { notificationId: id } });
    const again = await stream(`ticket=${encodeURIComponent(ticket)}`);
    expect(again.status).toBe(401);
  });

  it("when a ticket issued for one notification is used for another, then it is refused", async () => {
    const other = await t.call(admin, 'POST', '/api/notifications', { content: { title: 'Another' } });
    const issued = await t.call(admin, 'POST', `/api/notifications/${other.body.id as string}/events/ticket`);
    const answer = await stream(`ticket=${encodeURIComponent(issued.body.ticket as string)}`);
    expect(answer.status).toBe(401);
  });
});
