import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { writeFileAtomic } from '../../settings/atomic-write.ts';
import type { SecretStore } from '../../settings/secret-store.ts';

/**
 * The desktop app keeps the SIP password encrypted by the operating system's key store. Linux's
 * "basic_text" backend is a hard-coded key, i.e. plain text in disguise: refuse it and say so.
 */
export function createSafeStorageSecretStore(dataDir: string): SecretStore {
  const file = join(dataDir, 'secrets.bin');
  const usable = () => {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('The system key store is not available: the password cannot be saved safely.');
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new Error('No desktop key store (GNOME Keyring or KWallet) is running: Ringside will not save the password in plain text. Start one, or give the password in the config file.');
    }
  };
  let password: string | null = null;
  if (existsSync(file)) {
    try {
      usable();
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
      usable();
      writeFileAtomic(file, safeStorage.encryptString(next));
      password = next;
      return Promise.resolve();
    },
  };
}
