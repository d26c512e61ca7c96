import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../settings/atomic-write.ts';
import { newRecordingKey, recordingKeyFrom, type RecordingKey } from './encrypted-recording.ts';

/** Where the office key for encrypted recordings is kept. */
export interface RecordingKeyStore {
  /** The key new recordings use, made on first use. Throws a message an admin can act on when it cannot be kept safely. */
  current(): RecordingKey;
  /** The key a recording names, or null when this computer does not have it. */
  find(id: string): RecordingKey | null;
  /** The key's public name if one has been made (shown to admins, to match backups); never makes one. */
  currentId(): string | null;
}

/**
 * A key kept as a secret (the desktop app's system key store). `load` gives the stored key or
 * null; `save` keeps a new one, or throws why it cannot.
 */
export function createRecordingKeyStore(storage: { load(): Buffer | null; save(key: Buffer): void }): RecordingKeyStore {
  let key: RecordingKey | null = null;
  const stored = () => {
    if (key) return key;
    const loaded = storage.load();
    key = loaded ? recordingKeyFrom(loaded) : null;
    return key;
  };
  return {
    current() {
      const existing = stored();
      if (existing) return existing;
      const made = newRecordingKey();
      storage.save(made.key);
      key = made;
      return made;
    },
    find: (id) => {
      const existing = stored();
      return existing?.id === id ? existing : null;
    },
    currentId: () => {
      try {
        return stored()?.id ?? null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * Browser mode has no system key store: the key is a file the admin names in the config
 * (`recordingKeyFile`), kept away from the data folder and backed up apart from it. Made on first
 * use, owner-only.
 */
export function createKeyFileRecordingKeyStore(file: string | undefined): RecordingKeyStore {
  return createRecordingKeyStore({
    load: () => {
      if (!file || !existsSync(file)) return null;
      const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
      if (key.length !== 32) throw new Error(`${file} is not a Ringside recordings key (32 bytes in base64).`);
      return key;
    },
    save: (key) => {
      if (!file) throw new Error('Encrypted recordings need a key file in browser mode: set recordingKeyFile in the config file (see docs/config.md), on a disk apart from the data folder.');
      writeFileAtomic(file, `${key.toString('base64')}\n`);
    },
  });
}
