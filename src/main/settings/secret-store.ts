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
