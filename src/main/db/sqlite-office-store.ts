import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import { createAuditLog } from '../admin/audit-log.ts';
import { createCallbackTaskRepository } from '../calls/callback-task-repository.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { createTransferLog } from '../calls/transfer-log.ts';
import { createColleagueDirectory } from '../colleagues/colleague-directory.ts';
import { createContactRepository } from '../contacts/contact-repository.ts';
import { createSqliteCardLookup } from '../contacts/sqlite-card-lookup.ts';
import { createMessageStore } from '../messages/message-store.ts';
import { createScoreRepository } from '../scoring/score-repository.ts';
import { createCallProgressStore } from '../scripts/call-progress-store.ts';
import { createCustomScripts } from '../scripts/custom-scripts.ts';
import type { DatabaseSchema } from './database-schema.ts';
import type { OfficeStore } from './office-store.ts';

/** The office data in the desk's SQLite file, where it is kept until there is an office database. */
export function createSqliteOfficeStore(deps: {
  db: Kysely<DatabaseSchema>;
  /** The same connection, for the statements the screen pop prepares once. */
  sqlite: Database.Database;
  clock: Clock;
  newId(): string;
  /** The region of the office's numbers (Settings), for reading a number a caller sent. */
  region(): string;
  /** A saved script that no longer validates is skipped; this is told why. */
  onInvalidScript(id: string, errors: string[]): void;
}): OfficeStore {
  const { db, clock } = deps;
  return {
    contacts: createContactRepository({ db, cards: createSqliteCardLookup({ sqlite: deps.sqlite, db }), clock, region: deps.region }),
    calls: createCallRepository({ db }),
    transfers: createTransferLog({ db }),
    callProgress: createCallProgressStore({ db, clock }),
    messages: createMessageStore({ db }),
    tasks: createCallbackTaskRepository({ db }),
    colleagues: createColleagueDirectory({ db, newId: deps.newId }),
    scripts: createCustomScripts({ db, onInvalid: deps.onInvalidScript }),
    scores: createScoreRepository({ db, newId: deps.newId }),
    audit: createAuditLog({ db, clock }),
  };
}
