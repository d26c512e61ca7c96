import { OpusDecoder } from 'opus-decoder';

/** Decoded PCM, one array per channel (caller left = 0, agent right = 1). */
export interface DecodedAudio {
  sampleRate: number;
  channels: Float32Array[];
}

/** The few Matroska elements an Opus audio file needs; every other element is skipped. */
const ID = {
  segment: 0x18538067,
  cluster: 0x1f43b675,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  blockGroup: 0xa0,
  block: 0xa1,
  simpleBlock: 0xa3,
} as const;
const DESCEND = new Set<number>([ID.segment, ID.cluster, ID.tracks, ID.trackEntry, ID.blockGroup]);
const SAMPLE_RATE = 48_000;

/**
 * Decodes a WebM/Opus recording to PCM: MediaRecorder's files (unknown-size segment and clusters)
 * and finished ones alike. A file cut short by a crash decodes up to its last complete block;
 * a file that is not WebM/Opus is a clear error.
 */
export async function decodeWebmOpus(bytes: Uint8Array): Promise<DecodedAudio> {
  const { codecId, codecPrivate, frames } = demux(bytes);
  if (codecId !== 'A_OPUS' || !codecPrivate) throw new Error(`Not a WebM/Opus recording (codec ${codecId ?? 'unknown'}).`);
  const head = readOpusHead(codecPrivate);
  if (head.channels > 2) throw new Error('Only mono and stereo recordings are supported.');
  const decoder = new OpusDecoder({ channels: head.channels, preSkip: head.preSkip });
  await decoder.ready;
  const parts: Float32Array[][] = Array.from({ length: head.channels }, () => []);
  let samples = 0;
  try {
    for (const frame of frames) {
      const decoded = decoder.decodeFrame(frame);
      if (decoded.samplesDecoded === 0) continue;
      decoded.channelData.forEach((data, channel) => parts[channel]?.push(data.subarray(0, decoded.samplesDecoded)));
      samples += decoded.samplesDecoded;
    }
  } finally {
    decoder.free();
  }
  const channels = parts.map((chunks) => {
    const out = new Float32Array(samples);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  });
  return { sampleRate: SAMPLE_RATE, channels };
}

interface Demuxed {
  codecId: string | null;
  codecPrivate: Uint8Array | null;
  /** Opus packets of the first track, in file order (views into the input, not copies). */
  frames: Uint8Array[];
}

function demux(bytes: Uint8Array): Demuxed {
  if (readUint(bytes, 0, 4) !== 0x1a45dfa3) throw new Error('Not a WebM file (no EBML header).');
  const out: Demuxed = { codecId: null, codecPrivate: null, frames: [] };
  let track: number | null = null;
  const walk = (start: number, end: number) => {
    let at = start;
    while (at < end) {
      const id = readVint(bytes, at, true);
      if (!id) return;
      const size = readSize(bytes, at + id.length);
      if (!size) return;
      const dataStart = at + id.length + size.length;
      // Unknown size (MediaRecorder's live segment and clusters): the element runs to its parent's end.
      const dataEnd = size.value === null ? end : Math.min(dataStart + size.value, end);
      if (DESCEND.has(id.value)) {
        walk(dataStart, dataEnd);
      } else if (dataStart + (size.value ?? 0) > bytes.length) {
        return; // truncated by a crash: stop at the last complete element
      } else if (id.value === ID.codecId && out.codecId === null) {
        out.codecId = new TextDecoder().decode(bytes.subarray(dataStart, dataEnd));
      } else if (id.value === ID.codecPrivate && out.codecPrivate === null) {
        out.codecPrivate = bytes.subarray(dataStart, dataEnd);
      } else if (id.value === ID.simpleBlock || id.value === ID.block) {
        const trackNumber = readVint(bytes, dataStart, false);
        if (trackNumber) {
          track ??= trackNumber.value;
          const flags = bytes[dataStart + trackNumber.length + 2] ?? 0;
          if ((flags & 0x06) !== 0) throw new Error('Laced WebM blocks are not supported.');
          if (trackNumber.value === track) out.frames.push(bytes.subarray(dataStart + trackNumber.length + 3, dataEnd));
        }
      }
      if (size.value === null && !DESCEND.has(id.value)) return;
      at = size.value === null ? end : dataStart + size.value;
    }
  };
  walk(0, bytes.length);
  return out;
}

function readOpusHead(data: Uint8Array): { channels: number; preSkip: number } {
  if (new TextDecoder().decode(data.subarray(0, 8)) !== 'OpusHead') throw new Error('Not a WebM/Opus recording (no OpusHead).');
  return { channels: data[9] ?? 1, preSkip: (data[10] ?? 0) | ((data[11] ?? 0) << 8) };
}

/** An EBML variable-length integer; IDs keep their length marker, sizes drop it. */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; allOnes: boolean } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value, length, allOnes };
}

/** An element size; all ones means unknown (a live stream's segment or cluster). */
function readSize(bytes: Uint8Array, at: number): { value: number | null; length: number } | null {
  const size = readVint(bytes, at, false);
  return size && { value: size.allOnes ? null : size.value, length: size.length };
}

function readUint(bytes: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
}
