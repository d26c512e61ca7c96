import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { createRecordingKeyStore, type RecordingKeyStore } from '../../recordings/recording-key-store.ts';
import { writeFileAtomic } from '../../settings/atomic-write.ts';
import { assertSafeStorageUsable } from './safe-storage-secret-store.ts';

/** The desktop app's recordings key, encrypted by the operating system's key store. */
export function createSafeStorageRecordingKeyStore(dataDir: string): RecordingKeyStore {
  const file = join(dataDir, 'recording-key.bin');
  return createRecordingKeyStore({
    load: () => {
      if (!existsSync(file)) return null;
      assertSafeStorageUsable();
      return Buffer.from(safeStorage.decryptString(readFileSync(file)), 'base64');
    },
    save: (key) => {
      assertSafeStorageUsable();
      writeFileAtomic(file, safeStorage.encryptString(key.toString('base64')));
    },
  });
}
