import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../../adapters/sql/create-store';
import { storeContract } from './store-contract';

describe('the SQL store on SQLite (a temporary file)', () => {
  let path: string;
  beforeEach(() => {
    path = join(mkdtempSync(join(tmpdir(), 'herald-sql-')), 'herald.db');
  });

  describe('contract', () => {
    storeContract(() => createStore({ url: `sqlite:${path}` }));
  });

  it('when opened again, then migrations are not re-applied and data is kept', async () => {
    const first = await createStore({ url: path });
    await first.leases.tryAcquire('x', 'a', 0, 1000);
    await first.close();
    const second = await createStore({ url: path });
    expect(await second.leases.tryAcquire('x', 'b', 1, 1000)).toBe(false);
    await second.close();
  });
});
