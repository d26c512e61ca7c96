import type { Clock } from '../../shared/clock.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { Logger } from '../../shared/logger.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { callRowsKeptWhileDiskFull } from '../calls/call-rows-kept-while-disk-full.ts';
import type { DeskStore } from '../db/desk-store.ts';
import { createKeptWrites, type KeptWrites } from '../db/kept-writes.ts';
import type { OfficeStore } from '../db/office-store.ts';
import type { OpenedDatabase } from '../db/open-database.ts';
import { createSqliteDeskStore } from '../db/sqlite-desk-store.ts';
import { createSqliteOfficeStore } from '../db/sqlite-office-store.ts';

/** The office's data and this desk's (decision 0018), and the writes a full disk holds back. */
export interface CoreStores {
  keptWrites: KeptWrites;
  office: OfficeStore;
  desk: DeskStore;
}

/** The stores of the core, on the desk's SQLite file; the modules take them as interfaces, never the database. */
export function openCoreStores(deps: {
  database: OpenedDatabase;
  clock: Clock;
  log: Logger;
  settings: SettingsStore;
  newId(): string;
  notice(level: 'info' | 'warning', words: RpcError): void;
}): CoreStores {
  const { database, clock } = deps;
  const db = database.db;
  // A full disk delays the rows of calls and recordings (kept in memory, in order), never loses them.
  const storageNotice = deps.notice;
  const keptWrites = createKeptWrites({
    clock,
    log: deps.log.child('storage'),
    onKeeping: () => storageNotice('warning', new RpcError('disk-full-history-waiting', 'The disk is full: the calls are kept in memory and saved to the history once there is space. Free some space on this computer.')),
    onSaved: () => storageNotice('info', new RpcError('disk-space-back', 'There is space on the disk again: the calls kept in memory are saved to the history.')),
  });
  const scriptsLog = deps.log.child('scripts');
  const office = createSqliteOfficeStore({
    db,
    sqlite: database.sqlite,
    clock,
    newId: deps.newId,
    region: () => deps.settings.get().defaultRegion,
    onInvalidScript: (id, errors) => scriptsLog.error('A saved script is not valid', { id, errors }),
  });
  return {
    keptWrites,
    office: { ...office, calls: callRowsKeptWhileDiskFull(office.calls, keptWrites) },
    desk: createSqliteDeskStore({ db, clock }),
  };
}
