import type Database from 'better-sqlite3';

/**
 * For tests: writes to `tables` fail with SQLITE_FULL, as on a full disk, until `free()`. The
 * failure is raised inside SQLite (a temporary trigger calling a function that throws), so SQLite
 * refuses and undoes the statement itself.
 */
export function refuseWritesAsOnAFullDisk(sqlite: Database.Database, tables: readonly string[]): { free(): void } {
  let full = true;
  sqlite.function('ringside_test_disk_full', () => {
    if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    return null;
  });
  for (const table of tables) {
    for (const op of ['insert', 'update', 'delete']) {
      sqlite.exec(`create temp trigger if not exists full_${op}_${table} before ${op} on main.${table} begin select ringside_test_disk_full(); end`);
    }
  }
  return {
    free: () => {
      full = false;
    },
  };
}
