import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStore } from '../../../adapters/sql/create-store';

const modeOf = (file: string): number => statSync(file).mode & 0o777;

describe('the SQLite database file', () => {
  it('when Herald creates its database, then the file and its WAL are readable and writable by the owner only', async () => {
    const folder = path.join(mkdtempSync(path.join(tmpdir(), 'herald-sqlite-mode-')), 'nested', '.herald');
    const file = path.join(folder, 'herald.db');
    const previous = process.umask(0o022);
    try {
      const store = await createStore({ url: `sqlite:${file}` });
      await store.notifications.list('00000000-0000-4000-8000-000000000001', 1);
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      expect(modeOf(folder)).toBe(0o700);
      await store.close();
    } finally {
      process.umask(previous);
    }
  });
});
