import type { Clock } from '../../shared/clock.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { Logger } from '../../shared/logger.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { createAdminPin } from '../admin/admin-pin.ts';
import { createAuditLog } from '../admin/audit-log.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { callRowsKeptWhileDiskFull } from '../calls/call-rows-kept-while-disk-full.ts';
import { createRefusedTrafficLog } from '../calls/refused-traffic-log.ts';
import { createTransferLog } from '../calls/transfer-log.ts';
import { createContactRepository } from '../contacts/contact-repository.ts';
import { createKeptWrites } from '../db/kept-writes.ts';
import type { OpenedDatabase } from '../db/open-database.ts';
import { createDialogStore } from '../phone/orphaned-dialogs.ts';

/** The stores more than one module reads or writes; a store only one domain uses is made in its module. */
export function openCoreStores(deps: { database: OpenedDatabase; clock: Clock; log: Logger; settings: SettingsStore; notice(level: 'info' | 'warning', words: RpcError): void }) {
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
  return {
    keptWrites,
    contacts: createContactRepository({ db, clock, region: () => deps.settings.get().defaultRegion }),
    callRecords: callRowsKeptWhileDiskFull(createCallRepository({ db }), keptWrites),
    transferLog: createTransferLog({ db }),
    refusedTraffic: createRefusedTrafficLog({ db }),
    dialogs: createDialogStore({ db, clock }),
    audit: createAuditLog({ db, clock }),
    adminPin: createAdminPin({ db, clock }),
  };
}

export type CoreStores = ReturnType<typeof openCoreStores>;
