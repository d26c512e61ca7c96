import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-contacts-and-calls.ts';

/** Numbered migrations, applied in name order. Each has a test beside it. */
export const migrations: Record<string, Migration> = {
  '0001-contacts-and-calls': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
