import { describe, expect, it } from 'vitest';
import { decryptRecording, encryptRecording, HEADER_BYTES, isEncryptedRecording, newRecordingKey, RecordingDamagedError, RecordingEncrypter, RecordingKeyMissingError, recordingKeyId } from './encrypted-recording.ts';

const key = newRecordingKey();
const keys = (id: string) => (id === key.id ? key : null);
const audio = Buffer.from(Array.from({ length: 700_000 }, (_, i) => (i * 31) % 251));

describe('recordings encrypted at rest', () => {
  it('a sealed recording opens to the same audio, and holds none of it in the clear', () => {
    const sealed = encryptRecording(audio, key);
    expect(isEncryptedRecording(sealed)).toBe(true);
    expect(recordingKeyId(sealed)).toBe(key.id);
    expect(sealed.includes(audio.subarray(1000, 1032))).toBe(false);
    expect(decryptRecording(sealed, keys)).toEqual({ plaintext: audio, complete: true });
    // A new salt per file: the same audio never gives the same bytes.
    expect(encryptRecording(audio, key).equals(sealed)).toBe(false);
  });

  it('chunks written as a call records survive a crash: whole records kept, a torn last one dropped', () => {
    const encrypter = new RecordingEncrypter(key);
    const chunks = [Buffer.from('first second'), Buffer.from('second second'), Buffer.from('third second')];
    const records = chunks.map((chunk) => encrypter.record(chunk));
    const file = Buffer.concat([encrypter.header, ...records]);
    expect(decryptRecording(file, keys)).toEqual({ plaintext: Buffer.concat(chunks), complete: false });
    const torn = file.subarray(0, file.length - 7);
    expect(decryptRecording(torn, keys).plaintext.toString()).toBe('first secondsecond second');
    // A power cut can leave the tail's bytes as zeros rather than short.
    const zeroed = Buffer.from(file);
    zeroed.fill(0, file.length - 10);
    expect(decryptRecording(zeroed, keys).plaintext.toString()).toBe('first secondsecond second');
  });

  it('a lost key is explained, naming the key', () => {
    const sealed = encryptRecording(audio, key);
    expect(() => decryptRecording(sealed, () => null)).toThrow(RecordingKeyMissingError);
    expect(() => decryptRecording(sealed, () => null)).toThrow(new RegExp(`key ${key.id}.*Restore that key`));
  });

  it('altered, reordered or extended records are refused as damaged', () => {
    const sealed = encryptRecording(audio, key);
    const altered = Buffer.from(sealed);
    altered[HEADER_BYTES + 300_000] = altered[HEADER_BYTES + 300_000]! ^ 1;
    expect(() => decryptRecording(altered, keys)).toThrow(/record 2 was altered/);

    const encrypter = new RecordingEncrypter(key);
    const [a, b, c] = ['a', 'b', 'c'].map((s) => encrypter.record(Buffer.from(s)));
    expect(() => decryptRecording(Buffer.concat([encrypter.header, a!, c!, b!]), keys)).toThrow(RecordingDamagedError);

    expect(() => decryptRecording(Buffer.concat([sealed, Buffer.from('more')]), keys)).toThrow(/bytes after its end/);
    const otherSalt = Buffer.concat([encryptRecording(audio, key).subarray(0, HEADER_BYTES), sealed.subarray(HEADER_BYTES)]);
    expect(() => decryptRecording(otherSalt, keys)).toThrow(/does not open with its key/);
  });
});
