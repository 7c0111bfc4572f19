import { createStore } from '../../../adapters/sql/create-store';
import { reachStoreContract } from './reach-store-contract';

/** The reach contract on PostgreSQL (its own pattern match, bigint division): only where `npm run test:scale` set a database. */
const url = process.env.HERALD_TEST_POSTGRES_URL;

if (url) {
  describe('reach in SQL on PostgreSQL', () => {
    reachStoreContract(() => createStore({ url }));
  });
} else {
  it('needs HERALD_TEST_POSTGRES_URL to run the reach contract on PostgreSQL (npm run test:scale sets it)', () => {
    expect(url).toBeUndefined();
  });
}
