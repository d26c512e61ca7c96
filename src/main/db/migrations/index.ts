import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-contacts-and-calls.ts';
import * as m0002 from './0002-recordings.ts';
import * as m0003 from './0003-recording-pauses.ts';
import * as m0004 from './0004-admin-audit-and-call-details.ts';
import * as m0005 from './0005-call-progress-and-wrap-up.ts';
import * as m0006 from './0006-custom-scripts.ts';
import * as m0007 from './0007-hold-time.ts';
import * as m0008 from './0008-transfers.ts';
import * as m0009 from './0009-messages.ts';
import * as m0010 from './0010-callback-tasks.ts';
import * as m0011 from './0011-colleagues.ts';
import * as m0012 from './0012-transfer-legs.ts';
import * as m0013 from './0013-call-scoring.ts';
import * as m0014 from './0014-stats-days.ts';
import * as m0015 from './0015-refused-traffic.ts';
import * as m0016 from './0016-call-media-lost.ts';
import * as m0017 from './0017-call-dialogs.ts';
import * as m0018 from './0018-open-calls-index.ts';
import * as m0019 from './0019-stats-days-columns.ts';

/** Numbered migrations, applied in name order. Each has a test beside it. */
export const migrations: Record<string, Migration> = {
  '0001-contacts-and-calls': m0001,
  '0002-recordings': m0002,
  '0003-recording-pauses': m0003,
  '0004-admin-audit-and-call-details': m0004,
  '0005-call-progress-and-wrap-up': m0005,
  '0006-custom-scripts': m0006,
  '0007-hold-time': m0007,
  '0008-transfers': m0008,
  '0009-messages': m0009,
  '0010-callback-tasks': m0010,
  '0011-colleagues': m0011,
  '0012-transfer-legs': m0012,
  '0013-call-scoring': m0013,
  '0014-stats-days': m0014,
  '0015-refused-traffic': m0015,
  '0016-call-media-lost': m0016,
  '0017-call-dialogs': m0017,
  '0018-open-calls-index': m0018,
  '0019-stats-days-columns': m0019,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
