import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateTls } from '../../../emulator/tls';

/** The emulator's CA is made once per state directory and kept, so a client told to trust it keeps trusting it. */
describe("the https emulator's CA and server certificate in the state directory", () => {
  let stateDir: string;
  beforeEach(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'herald-tls-state-'));
  });
  afterEach(() => rm(stateDir, { recursive: true, force: true }));

  it('when the emulator starts again, then it reuses the same CA and server certificate', async () => {
    const first = await loadOrCreateTls(stateDir, '127.0.0.1');
    const second = await loadOrCreateTls(stateDir, '127.0.0.1');
    expect(second.caCertPem).toBe(first.caCertPem);
    expect(second.cert).toBe(first.cert);
    expect(first.caCertPath).toBe(path.join(stateDir, 'ca.pem'));
    // The private keys are the owner's only.
    expect((await stat(path.join(stateDir, 'ca-key.pem'))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(stateDir, 'server-key.pem'))).mode & 0o777).toBe(0o600);
  });

  it('when the server certificate is issued, then the CA signed it for localhost, 127.0.0.1 and ::1 as a server', async () => {
    const { caCertPem, cert } = await loadOrCreateTls(stateDir, '127.0.0.1');
    const ca = new X509Certificate(caCertPem);
    const server = new X509Certificate(cert);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('::1')).toBeDefined();
    expect(server.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1']));
  });

  it('when the emulator listens on another name, then a new server certificate names it and the CA stays', async () => {
    const first = await loadOrCreateTls(stateDir, '127.0.0.1');
    const other = await loadOrCreateTls(stateDir, 'herald.test');
    expect(other.caCertPem).toBe(first.caCertPem);
    expect(new X509Certificate(other.cert).checkHost('herald.test')).toBe('herald.test');
  });

  it('when the kept server certificate was not issued by the kept CA, then it is issued again', async () => {
    const first = await loadOrCreateTls(stateDir, '127.0.0.1');
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'herald-tls-other-'));
    const foreign = await loadOrCreateTls(elsewhere, '127.0.0.1');
    await writeFile(path.join(stateDir, 'server.pem'), foreign.cert.split('-----END CERTIFICATE-----')[0] + '-----END CERTIFICATE-----\n');
    const again = await loadOrCreateTls(stateDir, '127.0.0.1');
    expect(new X509Certificate(again.cert).verify(new X509Certificate(first.caCertPem).publicKey)).toBe(true);
    await rm(elsewhere, { recursive: true, force: true });
  });
});
