import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { writeFileAtomic } from '../../settings/atomic-write.ts';
import type { SecretStore } from '../../settings/secret-store.ts';

/**
 * Linux's "basic_text" backend is a hard-coded key, i.e. plain text in disguise: refuse it and say so.
 */
export function assertSafeStorageUsable(): void {
  if (!safeStorage.isEncryptionAvailable()) throw new Error('The system key store is not available: secrets cannot be saved safely.');
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw new Error('No desktop key store (GNOME Keyring or KWallet) is running: Ringside will not keep secrets in plain text. Start one (the SIP password may instead be given in the config file).');
  }
}

/** The desktop app keeps the SIP password encrypted by the operating system's key store. */
export function createSafeStorageSecretStore(dataDir: string): SecretStore {
  const file = join(dataDir, 'secrets.bin');
  let password: string | null = null;
  if (existsSync(file)) {
    try {
      assertSafeStorageUsable();
      password = safeStorage.decryptString(readFileSync(file));
    } catch {
      password = null;
    }
  }
  return {
    getPassword: () => password,
    setPassword(next) {
      if (next === null) {
        rmSync(file, { force: true });
        password = null;
        return Promise.resolve();
      }
      assertSafeStorageUsable();
      writeFileAtomic(file, safeStorage.encryptString(next));
      password = next;
      return Promise.resolve();
    },
  };
}
