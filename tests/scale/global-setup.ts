import { createDatabase, databaseUrl } from './support/services';

/** A fresh database for the run: the store contract and every scale test use it (each with its own ids). */
export default async function globalSetup(): Promise<void> {
  const name = await createDatabase('herald_scale');
  process.env.HERALD_TEST_POSTGRES_DB = name;
  process.env.HERALD_TEST_POSTGRES_URL = databaseUrl(name);
}
