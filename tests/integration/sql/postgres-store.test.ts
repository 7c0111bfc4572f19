import { createStore } from '../../../adapters/sql/create-store';
import { storeContract } from './store-contract';

/**
 * The same contract against PostgreSQL. It runs only when HERALD_TEST_POSTGRES_URL names a database (as
 * `npm run test:scale` does); without it this describe block is not registered at all, rather than skipped.
 */
const url = process.env.HERALD_TEST_POSTGRES_URL;

if (url) {
  describe('the SQL store on PostgreSQL', () => {
    storeContract(() => createStore({ url }));
  });
} else {
  it('needs HERALD_TEST_POSTGRES_URL to run the PostgreSQL contract (npm run test:scale sets it)', () => {
    expect(url).toBeUndefined();
  });
}
