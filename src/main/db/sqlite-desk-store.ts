import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import { createAdminPin } from '../admin/admin-pin.ts';
import { createRefusedTrafficLog } from '../calls/refused-traffic-log.ts';
import { createDialogStore } from '../phone/orphaned-dialogs.ts';
import { createRecordingPauses } from '../recordings/recording-pauses.ts';
import type { DatabaseSchema } from './database-schema.ts';
import type { DeskStore } from './desk-store.ts';

/** This desk's data in its SQLite file. */
export function createSqliteDeskStore(deps: { db: Kysely<DatabaseSchema>; clock: Clock }): DeskStore {
  const { db, clock } = deps;
  return {
    dialogs: createDialogStore({ db, clock }),
    refusedTraffic: createRefusedTrafficLog({ db }),
    adminPin: createAdminPin({ db, clock }),
    recordingPauses: createRecordingPauses({ db, clock }),
  };
}
