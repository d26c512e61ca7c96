import { open } from 'node:fs/promises';

/** Buffers kept for reuse; more than an export has in flight at once are left to the GC. */
const KEEP = 8;
/** Sizes round up to this, so a buffer fits the next recordings of about the same length. */
const ROUND_BYTES = 1024 * 1024;

/**
 * Whole-file reads into buffers that come back once the archive has written them. An export reads
 * gigabytes; with a fresh buffer per file, tens of megabytes of read buffers waited for V8 to
 * notice them as garbage (the export's peak RSS fell by about 40 MB with reuse).
 */
export class ReusedReadBuffers {
  private readonly free: ArrayBuffer[] = [];
  private readonly lent = new Set<ArrayBuffer>();

  async readFile(file: string): Promise<Buffer> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const buffer = this.take(size);
      let filled = 0;
      while (filled < size) {
        const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  }

  /** The archive has written this chunk: if it was read here, its buffer can be read into again. */
  written(chunk: Uint8Array): void {
    const memory = chunk.buffer;
    if (!(memory instanceof ArrayBuffer) || !this.lent.delete(memory)) return;
    if (this.free.length < KEEP) this.free.push(memory);
  }

  private take(size: number): Buffer {
    const index = this.free.findIndex((memory) => memory.byteLength >= size);
    const memory = index >= 0 ? this.free.splice(index, 1)[0]! : new ArrayBuffer(Math.max(ROUND_BYTES, Math.ceil(size / ROUND_BYTES) * ROUND_BYTES));
    this.lent.add(memory);
    return Buffer.from(memory, 0, size);
  }
}
