import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import forge from 'node-forge';

/** The files `--tls` keeps in the state directory, beside the signing key. */
const CA_CERT_FILE = 'ca.pem';
const CA_KEY_FILE = 'ca-key.pem';
const SERVER_CERT_FILE = 'server.pem';
const SERVER_KEY_FILE = 'server-key.pem';

/** What an https listener needs, and where clients find the authority to trust. */
export interface EmulatorTls {
  /** The CA certificate (PEM): point `NODE_EXTRA_CA_CERTS` at this file. */
  caCertPath: string;
  caCertPem: string;
  /** The server certificate (PEM, followed by the CA's) and its private key. */
  cert: string;
  key: string;
}

const CA_NAME = 'Herald Microsoft 365 emulator local CA';
const CA_YEARS = 10;
/** Under the 398 days clients such as Chromium and Safari accept for a server certificate. */
const SERVER_DAYS = 397;
/** A server certificate this close to its end is issued again at start-up. */
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

/**
 * Loads the emulator's local CA and its server certificate from `stateDir`, creating what is missing: the CA on first
 * start (kept, so a client told to trust it once keeps trusting it across restarts), and the server certificate
 * whenever it is missing, near its end, or does not name `host`. The server certificate names `localhost`,
 * `127.0.0.1` and `::1` (and `host` when it is another name), which is what a client on this machine connects to.
 */
export async function loadOrCreateTls(stateDir: string, host: string): Promise<EmulatorTls> {
  await mkdir(stateDir, { recursive: true });
  const caCertPath = path.join(stateDir, CA_CERT_FILE);
  const ca = (await readPair(caCertPath, path.join(stateDir, CA_KEY_FILE))) ?? (await createCa(stateDir));
  const names = subjectNames(host);
  const existing = await readPair(path.join(stateDir, SERVER_CERT_FILE), path.join(stateDir, SERVER_KEY_FILE));
  const server = existing && serves(existing.cert, ca.cert, names) ? existing : await createServerCertificate(stateDir, ca, names);
  return { caCertPath, caCertPem: ca.cert, cert: `${server.cert.trim()}\n${ca.cert.trim()}\n`, key: server.key };
}

/**
 * Makes this process trust the emulator's CA for every https client that uses Node's default trust store (fetch,
 * `https`, axios, msal-node): what `NODE_EXTRA_CA_CERTS` does for a process started after the emulator, for a
 * process that started the emulator itself (Herald's embedded mode, tests).
 */
export function trustCaInThisProcess(caCertPem: string): void {
  if (typeof tls.setDefaultCACertificates !== 'function') {
    throw new Error(`Node ${process.version} cannot add a trusted CA at run time (Node 22.19 or 24.5 can): start it with NODE_EXTRA_CA_CERTS set to the emulator's CA instead`);
  }
  const current = tls.getCACertificates('default');
  if (current.some((pem) => pem.trim() === caCertPem.trim())) return;
  tls.setDefaultCACertificates([...current, caCertPem]);
}

interface Pair {
  cert: string;
  key: string;
}

async function readPair(certFile: string, keyFile: string): Promise<Pair | undefined> {
  try {
    return { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function createCa(stateDir: string): Promise<Pair> {
  const { publicKey, privateKey } = rsaKeyPair();
  const cert = certificate(publicKey, { years: CA_YEARS });
  const subject = [{ name: 'commonName', value: CA_NAME }, { name: 'organizationName', value: 'Herald (local emulator)' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  const pair = { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(privateKey) };
  // Owner-only key: whoever holds it can mint certificates this machine's test clients trust.
  await writeAtomically(path.join(stateDir, CA_KEY_FILE), pair.key, 0o600);
  await writeAtomically(path.join(stateDir, CA_CERT_FILE), pair.cert);
  return pair;
}

async function createServerCertificate(stateDir: string, ca: Pair, names: string[]): Promise<Pair> {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const caKey = forge.pki.privateKeyFromPem(ca.key);
  const { publicKey, privateKey } = rsaKeyPair();
  const cert = certificate(publicKey, { days: SERVER_DAYS });
  cert.setSubject([{ name: 'commonName', value: names[0]! }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name })) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const pair = { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(privateKey) };
  await writeAtomically(path.join(stateDir, SERVER_KEY_FILE), pair.key, 0o600);
  await writeAtomically(path.join(stateDir, SERVER_CERT_FILE), pair.cert);
  return pair;
}

/** Another emulator starting on the same state directory never reads a half-written file. */
async function writeAtomically(file: string, content: string, mode = 0o644): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode });
  await rename(temporary, file);
}

/** RSA keys from Node's crypto (native, milliseconds), handed to forge, whose own generator is pure JavaScript. */
function rsaKeyPair(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey: forge.pki.publicKeyFromPem(publicKey), privateKey: forge.pki.privateKeyFromPem(privateKey) };
}

function certificate(publicKey: forge.pki.rsa.PublicKey, validity: { years?: number; days?: number }): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive 16-byte serial (the top bit cleared), unique per certificate as RFC 5280 asks.
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore);
  if (validity.years) notAfter.setFullYear(notAfter.getFullYear() + validity.years);
  if (validity.days) notAfter.setDate(notAfter.getDate() + validity.days);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  return cert;
}

function subjectNames(host: string): string[] {
  const names = ['localhost', '127.0.0.1', '::1'];
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare && bare !== '0.0.0.0' && bare !== '::' && !names.includes(bare)) names.push(bare);
  return names;
}

/** Whether a kept server certificate was issued by this CA, is valid for another week and names every host. */
function serves(certPem: string, caPem: string, names: string[]): boolean {
  try {
    const cert = new X509Certificate(certPem);
    if (!cert.verify(new X509Certificate(caPem).publicKey)) return false;
    if (Date.parse(cert.validTo) - Date.now() < RENEW_BEFORE_MS) return false;
    return names.every((name) => (isIP(name) ? cert.checkIP(name) : cert.checkHost(name)) !== undefined);
  } catch {
    return false;
  }
}
