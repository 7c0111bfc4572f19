import { createStore } from '../../../adapters/sql/create-store';
import { reachStoreContract } from './reach-store-contract';

describe('reach in SQL on SQLite', () => {
  reachStoreContract(() => createStore({ url: ':memory:' }));
});
