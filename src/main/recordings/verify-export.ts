import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import type { ManifestRow } from './export-manifest.ts';

const MANIFESTS = new Set(['manifest.csv', 'manifest.json']);
const READ_BYTES = 1024 * 1024;
const LOCAL_HEADER_BYTES = 30;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;

/**
 * Reads an export back: every file the manifest lists is there with its size and CRC-32, and
 * nothing else is. `thorough` (the default, for an archive of unknown history) also recomputes
 * each SHA-256. Right after writing, the exporter passes the rows it wrote as `expected` and
 * skips the SHA-256: those were computed from the very bytes whose CRC-32 is now read back from
 * disk. It also passes the SHA-256 of the manifest.json it wrote: the archived one is hashed as it
 * streams rather than parsed, so thousands of rows are never held twice. Returns the number of
 * recordings checked; throws a message naming the first mismatch.
 */
export async function verifyExportArchive(file: string, options: { expected?: { rows: ManifestRow[]; manifestJsonSha256: string }; thorough?: boolean } = {}): Promise<number> {
  const { expected, thorough = true } = options;
  const zip = await openPromise(file, { strictFileNames: true, autoClose: false });
  try {
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const manifestEntry = entries.get('manifest.json');
    if (!manifestEntry || !entries.has('manifest.csv')) throw failed('the manifests are missing');
    let rows: ManifestRow[];
    if (expected) {
      if ((await entrySha256(zip, manifestEntry)) !== expected.manifestJsonSha256) throw failed('manifest.json differs from what was exported');
      rows = expected.rows;
    } else {
      rows = (JSON.parse((await readEntry(zip, manifestEntry)).toString('utf8')) as { recordings: ManifestRow[] }).recordings;
    }
    const listed = new Set(rows.filter((r) => r.file !== '').map((r) => r.file));
    for (const name of entries.keys()) if (!MANIFESTS.has(name) && !listed.has(name)) throw failed(`${name} is not in the manifest`);
    // Recordings are stored (not deflated), so their bytes are read straight from the file in
    // archive order with one reused buffer: a sequential pass, far faster than an entry stream each.
    const recordings = rows.filter((r) => r.file !== '').map((row) => {
      const entry = entries.get(row.file);
      if (!entry) throw failed(`${row.file} is missing`);
      if (entry.compressionMethod !== 0) throw failed(`${row.file} is compressed, which a Ringside export never does`);
      return { row, entry };
    });
    recordings.sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader);
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(READ_BYTES);
      for (const { row, entry } of recordings) {
        const { crc, bytes, sha256 } = await checksumStoredEntry(handle, entry, buffer, thorough);
        if (crc !== entry.crc32) throw failed(`${row.file} does not match its CRC-32 in the archive`);
        if (bytes !== row.bytes || (sha256 !== null && sha256 !== row.sha256)) throw failed(`${row.file} does not match its SHA-256 in the manifest`);
      }
    } finally {
      await handle.close();
    }
    return listed.size;
  } finally {
    zip.close();
  }
}

/** CRC-32, size and (when asked) SHA-256 of a stored entry's data, found after its local header. */
async function checksumStoredEntry(handle: FileHandle, entry: Entry, buffer: Buffer, withSha256: boolean): Promise<{ crc: number; bytes: number; sha256: string | null }> {
  const header = buffer.subarray(0, LOCAL_HEADER_BYTES);
  const { bytesRead } = await handle.read(header, 0, LOCAL_HEADER_BYTES, entry.relativeOffsetOfLocalHeader);
  if (bytesRead !== LOCAL_HEADER_BYTES || header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) throw failed(`${entry.fileName} has no valid local header`);
  let position = entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
  const hash = withSha256 ? createHash('sha256') : null;
  let remaining = entry.compressedSize;
  let crc = 0;
  while (remaining > 0) {
    const { bytesRead: read } = await handle.read(buffer, 0, Math.min(remaining, buffer.length), position);
    if (read === 0) throw failed(`${entry.fileName} is cut short`);
    const chunk = buffer.subarray(0, read);
    crc = crc32(chunk, crc);
    hash?.update(chunk);
    position += read;
    remaining -= read;
  }
  return { crc, bytes: entry.compressedSize, sha256: hash ? hash.digest('hex') : null };
}

async function entrySha256(zip: ZipFile, entry: Entry): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await zip.openReadStreamPromise(entry)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

function failed(why: string): Error {
  return new Error(`The export archive failed verification: ${why}.`);
}
