import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Driver } from 'kysely';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import type { DatabaseSchema } from './database-schema.ts';
import { migrationProvider } from './migrations/index.ts';

export interface OpenedDatabase {
  db: Kysely<DatabaseSchema>;
  sqlite: Database.Database;
  close(): Promise<void>;
}

/** Opens (or creates) the database file in WAL mode and migrates it to the latest version. */
export async function openDatabase(file: string): Promise<OpenedDatabase> {
  const opened = connectDatabase(file);
  try {
    await migrateTo(opened.db, 'latest');
  } catch (error) {
    opened.sqlite.close();
    throw error;
  }
  return opened;
}

/**
 * A connection to a database file with the same settings, not migrated: for a second connection
 * (a worker thread's) to a file that openDatabase has already brought up to date. WAL lets it read
 * while the first one writes.
 */
export function connectDatabase(file: string): OpenedDatabase {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialectKeepingTheError(sqlite) });
  return { db, sqlite, close: () => db.destroy() };
}

/**
 * SQLite rolls a transaction back by itself on some errors (a full disk: SQLITE_FULL); Kysely's
 * ROLLBACK after that fails with "cannot rollback - no transaction is active", and that error
 * replaces the real one. Only a transaction still open is rolled back.
 */
class SqliteDialectKeepingTheError extends SqliteDialect {
  readonly #sqlite: Database.Database;
  constructor(sqlite: Database.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }
  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.#sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/** Migrates up or down to a named migration ('latest' for all); used by tests of each migration. */
export async function migrateTo(db: Kysely<DatabaseSchema>, target: string | typeof NO_MIGRATIONS): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = target === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

export { NO_MIGRATIONS };
