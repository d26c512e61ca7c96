import { open, type FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';

/**
 * How much of the archive may wait to be written. With a small buffer every entry's header and
 * descriptor became writes of their own, each waiting for the one before; with this much they go
 * out in one writev with the recording's bytes.
 */
const BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * The archive file (owner-only, synced to disk at the end), telling `onWritten` about each chunk
 * once it is on its way to the disk, so the buffer it came from can be used again.
 */
export function archiveFileWriter(path: string, onWritten: (chunk: Buffer) => void): Writable {
  let handle: FileHandle | null = null;
  return new Writable({
    highWaterMark: BUFFER_BYTES,
    construct(done) {
      open(path, 'w', 0o600).then((opened) => {
        handle = opened;
        done();
      }, done);
    },
    writev(chunks, done) {
      const buffers = chunks.map(({ chunk }) => chunk as Buffer);
      writeAll(handle!, buffers).then(() => {
        for (const buffer of buffers) onWritten(buffer);
        done();
      }, done);
    },
    final(done) {
      handle!.sync().then(() => done(), done);
    },
    destroy(error, done) {
      const closing = handle?.close() ?? Promise.resolve();
      closing.then(
        () => done(error),
        (closeError: Error) => done(error ?? closeError),
      );
    },
  });
}

/** writev may write less than asked (a disk filling up); the rest is written until it fails. */
async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let { bytesWritten } = await handle.writev(buffers);
  for (const buffer of buffers) {
    if (bytesWritten >= buffer.length) {
      bytesWritten -= buffer.length;
      continue;
    }
    let rest = buffer.subarray(bytesWritten);
    bytesWritten = 0;
    while (rest.length > 0) rest = rest.subarray((await handle.write(rest)).bytesWritten);
  }
}
