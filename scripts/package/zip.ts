import { createWriteStream } from 'node:fs';
import { ZipFile } from 'yazl';

export interface ZipEntry {
  /** The path inside the zip; Teams wants manifest.json and the icons at the root. */
  name: string;
  data: Buffer;
}

/** A fixed timestamp makes the zip byte-for-byte reproducible for the same inputs. */
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

export function writeZip(file: string, entries: ZipEntry[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    for (const entry of entries) zip.addBuffer(entry.data, entry.name, { mtime: FIXED_MTIME, mode: 0o100644 });
    zip.end();
    const output = createWriteStream(file);
    output.on('close', () => resolve());
    output.on('error', reject);
    zip.outputStream.on('error', reject).pipe(output);
  });
}
