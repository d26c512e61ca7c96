/** Where the SIP password lives: never in SQLite, settings.json or logs. */
export interface SecretStore {
  getPassword(): string | null;
  setPassword(password: string | null): Promise<void>;
}

/** Browser mode: the password stays in the main-side process's memory only. */
export function createMemorySecretStore(initial: string | null = null): SecretStore {
  let password = initial;
  return {
    getPassword: () => password,
    setPassword(next) {
      password = next;
      return Promise.resolve();
    },
  };
}

/**
 * A password that holds for this run only, in front of a store that refused to keep it (the
 * desktop app without a system key store). Setting a new one goes to the store as usual.
 */
export function withSessionPassword(store: SecretStore, password: string): SecretStore {
  let session: string | null = password;
  return {
    getPassword: () => session ?? store.getPassword(),
    async setPassword(next) {
      await store.setPassword(next);
      session = null;
    },
  };
}
