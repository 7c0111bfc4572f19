import { GraphBatcher } from '../../adapters/graph/batcher';
import { GraphHttp } from '../../adapters/graph/graph-http';
import { GraphInstaller } from '../../adapters/graph/installer';
import { fail, pass, skip, type Check } from '../check';

export const catalogAppCheck: Check = {
  title: 'App in the org catalog',
  async run(state) {
    const env = state.env;
    const token = state.graphToken;
    if (!env?.HERALD_APP_EXTERNAL_ID || !token) return skip(this.title, 'needs a Graph token and HERALD_APP_EXTERNAL_ID');
    const installer = new GraphInstaller(new GraphBatcher(new GraphHttp(env.HERALD_GRAPH_URL, async () => token, 15_000)));
    try {
      const app = await installer.findCatalogApp(env.HERALD_APP_EXTERNAL_ID);
      if (app) return pass(this.title, `"${app.displayName}" ${app.version} is published (catalog id ${app.id})`);
      return fail(
        this.title,
        `no app with externalId ${env.HERALD_APP_EXTERNAL_ID} in the organisation's catalog; Graph installs only catalog apps`,
        'Publish it (`teamsapp publish --env <env>`, or Teams admin center > Teams apps > Manage apps > Upload new app) and have an admin approve it. A newly published app can take a few hours to appear in Graph; run doctor again later.',
      );
    } catch (error) {
      return fail(this.title, `Graph answered: ${(error as Error).message}`, 'If this is 403, AppCatalog.Read.All lacks admin consent (see "Graph permissions").');
    }
  },
};
