import { dropDatabase } from './support/services';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.HERALD_TEST_POSTGRES_DB;
  if (name && process.env.HERALD_TEST_KEEP_DB !== 'true') await dropDatabase(name);
}
