import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import type { ManifestRow } from './export-manifest.ts';

const MANIFESTS = new Set(['manifest.csv', 'manifest.json']);

/**
 * Reads an export back: every file the manifest lists is there with its size and CRC-32, and
 * nothing else is. `thorough` (the default, for an archive of unknown history) also recomputes
 * each SHA-256. Right after writing, the exporter passes the rows it wrote as `expected` and
 * skips the SHA-256: those were computed from the very bytes whose CRC-32 is now read back from
 * disk. Returns the number of recordings checked; throws a message naming the first mismatch.
 */
export async function verifyExportArchive(file: string, options: { expected?: ManifestRow[]; thorough?: boolean } = {}): Promise<number> {
  const { expected, thorough = true } = options;
  const zip = await openPromise(file, { strictFileNames: true, autoClose: false });
  try {
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const manifestEntry = entries.get('manifest.json');
    if (!manifestEntry || !entries.has('manifest.csv')) throw failed('the manifests are missing');
    const manifest = JSON.parse((await readEntry(zip, manifestEntry)).toString('utf8')) as { recordings: ManifestRow[] };
    const rows = manifest.recordings;
    if (expected && JSON.stringify(expected) !== JSON.stringify(rows)) throw failed('manifest.json differs from what was exported');
    const listed = new Set(rows.filter((r) => r.file !== '').map((r) => r.file));
    for (const name of entries.keys()) if (!MANIFESTS.has(name) && !listed.has(name)) throw failed(`${name} is not in the manifest`);
    for (const row of rows) {
      if (row.file === '') continue;
      const entry = entries.get(row.file);
      if (!entry) throw failed(`${row.file} is missing`);
      const hash = thorough ? createHash('sha256') : null;
      let bytes = 0;
      let crc = 0;
      await pipeline(
        await zip.openReadStreamPromise(entry),
        new Writable({
          highWaterMark: 1024 * 1024,
          write(chunk: Buffer, _encoding, next) {
            hash?.update(chunk);
            crc = crc32(chunk, crc);
            bytes += chunk.length;
            next();
          },
        }),
      );
      if (crc !== entry.crc32) throw failed(`${row.file} does not match its CRC-32 in the archive`);
      if (bytes !== row.bytes || (hash && hash.digest('hex') !== row.sha256)) throw failed(`${row.file} does not match its SHA-256 in the manifest`);
    }
    return listed.size;
  } finally {
    zip.close();
  }
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

function failed(why: string): Error {
  return new Error(`The export archive failed verification: ${why}.`);
}
