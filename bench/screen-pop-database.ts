import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../src/main/db/open-database.ts';

export const CONTACTS = 1_000_000;
export const CALLS = 5_000_000;
export const cacheDir = resolve(import.meta.dirname, '..', '.bench-cache');
export const databaseFile = join(cacheDir, `screen-pop-${CONTACTS}-${CALLS}.sqlite`);

/** Athens landlines for contact i: +302100000000 + i (all valid Greek numbers). */
export const landline = (i: number) => `+3021${String(i).padStart(8, '0')}`;
/** Mobiles for every third contact. */
export const mobile = (i: number) => `+30694${String(i).padStart(7, '0')}`;
/** Numbers that belong to nobody but have called before. */
export const stranger = (i: number) => `+3023${String(i).padStart(8, '0')}`;

/** Builds the benchmark database once (about a minute) and reuses it afterwards. */
export async function benchmarkDatabase(log: (line: string) => void): Promise<string> {
  if (existsSync(databaseFile)) return databaseFile;
  mkdirSync(cacheDir, { recursive: true });
  const building = `${databaseFile}.building`;
  rmSync(building, { force: true });
  rmSync(`${building}-wal`, { force: true });
  const started = Date.now();
  const database = await openDatabase(building);
  const { sqlite } = database;
  sqlite.pragma('synchronous = OFF');
  const contactIds: string[] = new Array<string>(CONTACTS);
  const insertContact = sqlite.prepare('insert into contacts (id, name, organization, position, email, category, notes, search_text, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertPhone = sqlite.prepare('insert into contact_phones (id, contact_id, number, label, position) values (?, ?, ?, ?, ?)');
  const insertCall = sqlite.prepare(
    'insert into calls (id, direction, status, remote_number, remote_e164, remote_display_name, contact_id, match, invite_at, rings, answered_at, answer_ms, auto_answered, ended_at, ended_by, end_reason, duration_ms, sip_call_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const batch = 100_000;
  for (let start = 0; start < CONTACTS; start += batch) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(CONTACTS, start + batch); i++) {
        const id = uuidv7();
        contactIds[i] = id;
        const name = `Contact ${i}`;
        insertContact.run(id, name, `Company ${i % 5000}`, 'Manager', `c${i}@example.com`, ['A', 'B', 'C'][i % 3], '', name.toLowerCase(), 0, 0);
        insertPhone.run(uuidv7(), id, landline(i), 'work', 0);
        if (i % 3 === 0) insertPhone.run(uuidv7(), id, mobile(i), 'mobile', 1);
      }
    })();
  }
  log(`  contacts loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const threeYears = 3 * 365 * 24 * 3600 * 1000;
  const now = Date.UTC(2026, 10, 1);
  for (let start = 0; start < CALLS; start += batch) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(CALLS, start + batch); i++) {
        const known = i % 5 !== 0;
        const who = (i * 7919) % CONTACTS;
        const inviteAt = now - Math.floor(((i * 2654435761) % 1_000_003) / 1_000_003 * threeYears);
        const answered = i % 6 !== 0;
        const number = known ? landline(who) : stranger(who % 200_000);
        insertCall.run(
          uuidv7(), 'inbound', answered ? 'answered' : 'missed', number, number, '', known ? contactIds[who] : null, known ? 'number' : 'none',
          inviteAt, answered ? 2 : 3, answered ? inviteAt + 6000 : null, answered ? 6000 : null, answered ? 1 : 0,
          inviteAt + 60_000, 'caller', answered ? 'caller-hung-up' : 'missed', answered ? 54_000 : null, `bench-${i}`,
        );
      }
    })();
  }
  log(`  calls loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('analyze');
  await database.close();
  renameSync(building, databaseFile);
  rmSync(`${building}-wal`, { force: true });
  rmSync(`${building}-shm`, { force: true });
  return databaseFile;
}
