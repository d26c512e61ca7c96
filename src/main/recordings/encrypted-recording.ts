import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Recordings encrypted at rest (AES-256-GCM). A file is a header and a run of records:
 *
 *   header  "RSREC01\n" | key id (8 bytes) | salt (16 bytes)
 *   record  plaintext length (u32 BE) | flags (1 byte; 1 = last) | ciphertext | GCM tag (16 bytes)
 *
 * Each file has its own key, derived from the office key and the file's salt (HKDF-SHA256), so the
 * record number can be the nonce: unique within a file, and records cannot be reordered. The
 * header and the flags are authenticated, so a file cannot be cut short unnoticed once its last
 * record is written. While a call records, each ~1 s chunk is a record of its own, flushed to
 * disk; a crash leaves whole records and at most a torn one, which recovery drops.
 */
const MAGIC = Buffer.from('RSREC01\n', 'latin1');
const KEY_ID_BYTES = 8;
const SALT_BYTES = 16;
export const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + SALT_BYTES;
const RECORD_HEAD_BYTES = 5;
const TAG_BYTES = 16;
const LAST = 1;
/** A finished recording is sealed in records of this much audio. */
const SEALED_RECORD_BYTES = 256 * 1024;

export interface RecordingKey {
  /** 16 hex digits that name the key in each file it encrypted (not secret). */
  id: string;
  key: Buffer;
}

export type RecordingKeyLookup = (id: string) => RecordingKey | null;

export class RecordingKeyMissingError extends Error {
  readonly keyId: string;
  constructor(keyId: string) {
    super(`This recording is encrypted with a key this computer does not have (key ${keyId}). Restore that key from a backup of the computer where the recording was made; without it the recording cannot be played or exported.`);
    this.name = 'RecordingKeyMissingError';
    this.keyId = keyId;
  }
}

export class RecordingDamagedError extends Error {
  readonly detail: string;
  constructor(why: string) {
    super(`This encrypted recording is damaged (${why}); what it holds cannot be trusted.`);
    this.name = 'RecordingDamagedError';
    this.detail = why;
  }
}

export function isEncryptedRecording(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.equals(bytes.subarray(0, MAGIC.length));
}

/** The name of the key a file was encrypted with, or null for a plain recording. */
export function recordingKeyId(bytes: Uint8Array): string | null {
  if (!isEncryptedRecording(bytes) || bytes.length < HEADER_BYTES) return null;
  return Buffer.from(bytes.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES)).toString('hex');
}

/** Writes a recording record by record; `header` goes first, then each `record(...)` in order. */
export class RecordingEncrypter {
  readonly header: Buffer;
  private readonly fileKey: Buffer;
  private next = 0;

  constructor(key: RecordingKey) {
    const salt = randomBytes(SALT_BYTES);
    this.header = Buffer.concat([MAGIC, Buffer.from(key.id, 'hex'), salt]);
    this.fileKey = fileKeyOf(key.key, salt);
  }

  record(plaintext: Uint8Array, last = false): Buffer {
    const head = Buffer.alloc(RECORD_HEAD_BYTES);
    head.writeUInt32BE(plaintext.length, 0);
    head[4] = last ? LAST : 0;
    const cipher = createCipheriv('aes-256-gcm', this.fileKey, nonce(this.next++));
    cipher.setAAD(Buffer.concat([this.header, head.subarray(4)]));
    return Buffer.concat([head, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  }
}

/** A whole finished recording, sealed with its last record marked. */
export function encryptRecording(plaintext: Uint8Array, key: RecordingKey): Buffer {
  const encrypter = new RecordingEncrypter(key);
  const parts = [encrypter.header];
  for (let at = 0; at < plaintext.length || at === 0; at += SEALED_RECORD_BYTES) {
    const end = Math.min(plaintext.length, at + SEALED_RECORD_BYTES);
    parts.push(encrypter.record(plaintext.subarray(at, end), end === plaintext.length));
  }
  return Buffer.concat(parts);
}

/**
 * The audio of an encrypted recording. `complete` is false when the records stop without a last
 * one: a file still being recorded, left by a crash (whole records are kept, a torn one dropped),
 * or kept as recorded on a full disk. Whether a finished recording is whole is proven by the
 * SHA-256 of its audio stored in the database, as for a plain one.
 */
export function decryptRecording(bytes: Uint8Array, keyFor: RecordingKeyLookup): { plaintext: Buffer; complete: boolean } {
  const keyId = recordingKeyId(bytes);
  if (keyId === null) throw new RecordingDamagedError('its header is missing');
  const key = keyFor(keyId);
  if (!key) throw new RecordingKeyMissingError(keyId);
  const header = Buffer.from(bytes.subarray(0, HEADER_BYTES));
  const fileKey = fileKeyOf(key.key, header.subarray(MAGIC.length + KEY_ID_BYTES));
  const parts: Buffer[] = [];
  let at = HEADER_BYTES;
  let complete = false;
  for (let index = 0; at + RECORD_HEAD_BYTES + TAG_BYTES <= bytes.length && !complete; index++) {
    const length = Buffer.from(bytes.buffer, bytes.byteOffset + at, 4).readUInt32BE(0);
    const flags = bytes[at + 4]!;
    const end = at + RECORD_HEAD_BYTES + length + TAG_BYTES;
    if (end > bytes.length) break;
    const decipher = createDecipheriv('aes-256-gcm', fileKey, nonce(index));
    decipher.setAAD(Buffer.concat([header, Buffer.from([flags])]));
    decipher.setAuthTag(bytes.subarray(end - TAG_BYTES, end));
    try {
      parts.push(decipher.update(bytes.subarray(at + RECORD_HEAD_BYTES, end - TAG_BYTES)), decipher.final());
    } catch {
      // A power cut can leave the last record of an unfinished file half on disk: keep what came before.
      if (index > 0 && end === bytes.length) break;
      throw new RecordingDamagedError(index === 0 ? 'it does not open with its key' : `record ${index + 1} was altered`);
    }
    complete = (flags & LAST) !== 0;
    at = end;
  }
  if (complete && at !== bytes.length) throw new RecordingDamagedError('it has bytes after its end');
  return { plaintext: Buffer.concat(parts), complete };
}

function fileKeyOf(key: Buffer, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', key, salt, 'ringside recording', 32));
}

/** The record number as a 96-bit GCM nonce (unique per file key, which is unique per file). */
function nonce(index: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(index), 4);
  return iv;
}

/** A new office key for recordings, and its public name. */
export function newRecordingKey(): RecordingKey {
  return recordingKeyFrom(randomBytes(32));
}

export function recordingKeyFrom(key: Buffer): RecordingKey {
  if (key.length !== 32) throw new Error('A recordings key is 32 bytes.');
  return { id: Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'ringside key id', KEY_ID_BYTES)).toString('hex'), key };
}
