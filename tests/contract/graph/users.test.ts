import { startGraph, type GraphHarness } from './harness';

describe('GET /users', () => {
  let graph: GraphHarness;
  const users = () => graph.emulator.context.state.directory.users;

  beforeAll(async () => {
    graph = await startGraph({ users: 250 });
  });
  afterAll(() => graph.close());

  test('when no $top is given, then a page holds 100 users and @odata.nextLink points at the emulator', async () => {
    const reply = await graph.get('/users');
    expect(reply.body.value).toHaveLength(100);
    expect(reply.body['@odata.context']).toBe(`${graph.emulator.info.graphBaseUrl}/$metadata#users`);
    expect(reply.body['@odata.nextLink']).toMatch(new RegExp(`^${graph.emulator.info.graphBaseUrl.replace(/\./g, '\\.')}/users\\?\\$skiptoken=`));
  });

  test('when the nextLinks are followed, then every user comes exactly once across several pages', async () => {
    const seen: string[] = [];
    let pages = 0;
    let next: string | undefined = '/users?$top=60&$select=id';
    while (next) {
      const reply = await graph.get(next);
      expect(reply.status).toBe(200);
      seen.push(...reply.body.value.map((user: { id: string }) => user.id));
      next = reply.body['@odata.nextLink'];
      pages += 1;
    }
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(250);
    expect(seen.sort()).toEqual(users().map((user) => user.id).sort());
  });

  test('when $top is above 999, then Graph refuses the page size', async () => {
    const reply = await graph.get('/users?$top=1000');
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('Request_BadRequest');
  });

  test('when $skip is used, then the answer is the 400 Graph gives for users', async () => {
    const reply = await graph.get('/users?$skip=10');
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'Request_BadRequest', message: "'$skip' is not supported by the service." });
  });

  test('when $select names properties, then only those come back and the context lists them', async () => {
    const reply = await graph.get('/users?$select=id,userType,accountEnabled&$top=5');
    expect(reply.body['@odata.context']).toMatch(/\$metadata#users\(id,userType,accountEnabled\)$/);
    for (const user of reply.body.value) expect(Object.keys(user).sort()).toEqual(['accountEnabled', 'id', 'userType']);
  });

  test('when $select names an unknown property, then the answer is 400', async () => {
    const reply = await graph.get('/users?$select=id,favouriteColour');
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe("Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.");
  });

  test.each([
    ["userType eq 'Guest'", (user: { userType: string }) => user.userType === 'Guest'],
    ['accountEnabled eq false', (user: { accountEnabled: boolean }) => !user.accountEnabled],
    ["userType eq 'Member' and accountEnabled eq true", (user: { userType: string; accountEnabled: boolean }) => user.userType === 'Member' && user.accountEnabled],
  ])('when filtered on %s, then exactly the matching users come back', async (filter, predicate) => {
    const reply = await graph.get(`/users?$filter=${encodeURIComponent(filter)}&$top=999&$select=id`);
    expect(reply.status).toBe(200);
    const expected = users().filter((user) => predicate(user as never)).map((user) => user.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(reply.body.value.map((user: { id: string }) => user.id).sort()).toEqual(expected);
  });

  test('when filtered on userPrincipalName, mail, id eq and id in (...), then each finds its users', async () => {
    const [a, b, c] = users();
    const upn = await graph.get(`/users?$filter=userPrincipalName eq '${a!.userPrincipalName.toUpperCase()}'`);
    expect(upn.body.value.map((user: { id: string }) => user.id)).toEqual([a!.id]);
    const mail = await graph.get(`/users?$filter=mail eq '${b!.mail}'`);
    expect(mail.body.value.map((user: { id: string }) => user.id)).toEqual([b!.id]);
    const byId = await graph.get(`/users?$filter=id eq '${c!.id}'`);
    expect(byId.body.value).toHaveLength(1);
    const inList = await graph.get(`/users?$filter=id in ('${a!.id}','${c!.id}')&$select=id`);
    expect(inList.body.value.map((user: { id: string }) => user.id).sort()).toEqual([a!.id, c!.id].sort());
  });

  test("when filtered with startswith(displayName,'…'), then every answer's name starts so", async () => {
    const prefix = users()[0]!.displayName.slice(0, 3);
    const reply = await graph.get(`/users?$filter=startswith(displayName,'${prefix}')&$top=999`);
    expect(reply.body.value.length).toBeGreaterThan(0);
    for (const user of reply.body.value) expect(user.displayName.startsWith(prefix)).toBe(true);
  });

  test('when ne is used without advanced query parameters, then 400; with them, it works and counts', async () => {
    const plain = await graph.get("/users?$filter=userType ne 'Guest'");
    expect(plain.status).toBe(400);
    expect(plain.body.error.code).toBe('Request_UnsupportedQuery');
    const advanced = await graph.get("/users?$filter=userType ne 'Guest'&$count=true&$top=999", { ConsistencyLevel: 'eventual' });
    expect(advanced.status).toBe(200);
    expect(advanced.body['@odata.count']).toBe(users().filter((user) => user.userType !== 'Guest').length);
  });

  test('when the filter names an unsupported property or is malformed, then 400', async () => {
    expect((await graph.get("/users?$filter=businessPhones eq '1'")).body.error.code).toBe('Request_UnsupportedQuery');
    expect((await graph.get("/users?$filter=shoeSize eq '1'")).status).toBe(400);
    expect((await graph.get("/users?$filter=userType eq 'Guest")).status).toBe(400);
  });

  test('when $count=true comes without ConsistencyLevel, then it is silently ignored', async () => {
    const reply = await graph.get('/users?$count=true&$top=1');
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.count']).toBeUndefined();
  });

  test('when $search is used without ConsistencyLevel, then 400; with it, matching users come back', async () => {
    const name = users()[5]!.givenName;
    const plain = await graph.get(`/users?$search="displayName:${name}"`);
    expect(plain.status).toBe(400);
    expect(plain.body.error.code).toBe('Request_UnsupportedQuery');
    const eventual = await graph.get(`/users?$search="displayName:${name}"&$count=true`, { ConsistencyLevel: 'eventual' });
    expect(eventual.status).toBe(200);
    expect(eventual.body['@odata.count']).toBe(users().filter((user) => user.displayName.split(' ').some((word) => word.toLowerCase().startsWith(name.toLowerCase()))).length);
  });

  test('when one user is asked for by id or by UPN (a guest UPN included), then it comes back as an entity', async () => {
    const member = users()[1]!;
    const byId = await graph.get(`/users/${member.id}`);
    expect(byId.body['@odata.context']).toBe(`${graph.emulator.info.graphBaseUrl}/$metadata#users/$entity`);
    expect(byId.body.id).toBe(member.id);
    const guest = users().find((user) => user.userType === 'Guest')!;
    const byUpn = await graph.get(`/users/${encodeURIComponent(guest.userPrincipalName)}?$select=id,userType`);
    expect(byUpn.body).toMatchObject({ id: guest.id, userType: 'Guest' });
  });

  test('when a user is deleted, then it is absent from the list and answers 404', async () => {
    const doomed = users()[7]!;
    graph.emulator.context.state.deletedUserIds.add(doomed.id);
    try {
      const listed = await graph.get(`/users?$filter=id eq '${doomed.id}'`);
      expect(listed.body.value).toEqual([]);
      const single = await graph.get(`/users/${doomed.id}`);
      expect(single.status).toBe(404);
      expect(single.body.error.code).toBe('Request_ResourceNotFound');
    } finally {
      graph.emulator.context.state.deletedUserIds.delete(doomed.id);
    }
  });
});
