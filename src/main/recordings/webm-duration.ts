import { Decoder, Reader, tools } from 'ts-ebml';

/**
 * MediaRecorder writes WebM without a duration (it did not know it yet), so players cannot show
 * the length or seek well. This rewrites the header with the duration and cues; the audio
 * itself is untouched. A file it cannot read is returned as it was.
 */
export function withWebmDuration(file: Uint8Array): { bytes: Uint8Array; durationMs: number | null } {
  try {
    const decoder = new Decoder();
    const reader = new Reader();
    reader.logging = false;
    reader.drop_default_duration = false;
    const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    for (const element of decoder.decode(buffer)) reader.read(element);
    reader.stop();
    const durationMs = reader.duration * (reader.timestampScale / 1_000_000);
    if (!Number.isFinite(durationMs) || durationMs <= 0) return { bytes: file, durationMs: null };
    const header = new Uint8Array(withoutBufferPool(() => tools.makeMetadataSeekable(reader.metadatas, reader.duration, reader.cues)));
    const body = file.subarray(reader.metadataSize);
    const bytes = new Uint8Array(header.byteLength + body.byteLength);
    bytes.set(header, 0);
    bytes.set(body, header.byteLength);
    return { bytes, durationMs: Math.round(durationMs) };
  } catch {
    return { bytes: file, durationMs: null };
  }
}

/**
 * ts-ebml returns `buffer.buffer` of a Node Buffer; a small Buffer lives in Node's shared pool,
 * so that ArrayBuffer would be the whole pool. With the pool off, each Buffer owns its memory.
 */
function withoutBufferPool<T>(work: () => T): T {
  const poolSize = Buffer.poolSize;
  Buffer.poolSize = 0;
  try {
    return work();
  } finally {
    Buffer.poolSize = poolSize;
  }
}
