import { closeSync, openSync, readSync } from 'node:fs';
import { decryptRecording, HEADER_BYTES, isEncryptedRecording, RecordingDamagedError, RecordingKeyMissingError, recordingKeyId, type RecordingKeyLookup } from './encrypted-recording.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';

/** The audio of a finished recording as it was recorded, decrypted when it is encrypted. */
export function recordingBytes(raw: Buffer, keys: RecordingKeyLookup): Buffer {
  return isEncryptedRecording(raw) ? decryptRecording(raw, keys).plaintext : raw;
}

/** The key a recording file was encrypted with (read from its header), or null for a plain one. */
export function recordingFileKeyId(file: string): string | null {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, header, 0, HEADER_BYTES, 0);
    return recordingKeyId(header.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** A lost key or a damaged file, told to the window as it is (both are explained, never silent). */
export function asRecordingRpcError(error: unknown): unknown {
  if (error instanceof RecordingKeyMissingError) return new RpcError('recording-key-missing', error.message, { keyId: error.keyId });
  if (error instanceof RecordingDamagedError) return new RpcError('recording-damaged', error.message, { detail: error.detail });
  return error;
}
