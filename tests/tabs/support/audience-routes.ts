import type { FakeServer, SeenRequest } from './fake-server';

export const searchResults = [
  { kind: 'user', id: 'u-adele', displayName: 'Adele Vance', secondary: 'adele@contoso.test', avatarUrl: 'https://tab.test/photo/u-adele' },
  { kind: 'group', id: 'g-sales', displayName: 'Sales', secondary: 'sales@contoso.test' },
];

/** Search answers whatever matches the query; the audience preview answers fixed counts. */
export function withAudienceRoutes(server: FakeServer, preview: Record<string, unknown> = {}): void {
  server.on('GET', '/api/search', (request: SeenRequest) => {
    const q = (request.query.get('q') ?? '').toLowerCase();
    return { json: { value: searchResults.filter((result) => result.displayName.toLowerCase().includes(q)) } };
  });
  server.on('POST', '/api/audience/preview', { recipients: 1234, needInstall: 200, estimatedSeconds: 300, csvErrors: [], ...preview });
}
