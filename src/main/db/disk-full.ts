/**
 * Whether a write failed only because its disk is full: SQLite says SQLITE_FULL (also for its own
 * page limit), the file system ENOSPC. Such a write can succeed later, once space is free.
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}
