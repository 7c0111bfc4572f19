import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateSigningKey } from '../../../emulator/entra/keys';

describe('the emulator signing key', () => {
  it('when a token it already verified expires, then it is refused like a token seen for the first time', async () => {
    const key = await loadOrCreateSigningKey(mkdtempSync(path.join(tmpdir(), 'herald-key-')));
    const now = Math.floor(Date.now() / 1000);
    const token = await key.sign({ aud: 'x', exp: now + 60, iat: now });
    expect((await key.verify(token)).aud).toBe('x');
    expect((await key.verify(token)).aud).toBe('x');
    const later = jest.spyOn(Date, 'now').mockReturnValue((now + 61) * 1000);
    try {
      await expect(key.verify(token)).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
    } finally {
      later.mockRestore();
    }
  });

  it('when a token is signed by another key, then it is refused every time', async () => {
    const key = await loadOrCreateSigningKey(mkdtempSync(path.join(tmpdir(), 'herald-key-')));
    const other = await loadOrCreateSigningKey(mkdtempSync(path.join(tmpdir(), 'herald-key-')));
    const forged = await other.sign({ aud: 'x', exp: Math.floor(Date.now() / 1000) + 60 });
    await expect(key.verify(forged)).rejects.toThrow();
    await expect(key.verify(forged)).rejects.toThrow();
  });
});
