import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';
import { createRefusedTrafficLog } from '../../calls/refused-traffic-log.ts';

describe('migration 0015: refused traffic', () => {
  it('moves the rows stored for INVITEs that never rang into a count per hour and reason, and counts new refusals there', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0014-stats-days');
    await insertAnsweredCall(db, 'k1');
    const hour = 3_600_000;
    // As earlier versions stored a flood: refused busy and gone before ring 1, with rings 0; a real missed call rang.
    const call = (id: string, status: 'missed' | 'rejected', rings: number, endReason: string, at: number, practice = 0) =>
      db.insertInto('calls').values({ id, direction: 'inbound', status, remote_number: '666', remote_e164: null, remote_display_name: '', contact_id: null, match: 'none', invite_at: at, rings, answered_at: null, answer_ms: null, auto_answered: 0, ended_at: at, ended_by: 'system', end_reason: endReason, duration_ms: null, sip_call_id: id, practice }).execute();
    await call('busy-1', 'rejected', 0, 'busy', 5 * hour + 1);
    await call('busy-2', 'rejected', 0, 'busy', 5 * hour + 2);
    await call('gone-1', 'missed', 0, 'missed', 5 * hour + 3);
    await call('rang', 'missed', 1, 'missed', 5 * hour + 4);
    await call('practice', 'missed', 0, 'missed', 5 * hour + 5, 1);
    await migrateTo(db, '0015-refused-traffic');
    expect((await db.selectFrom('calls').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['k1', 'practice', 'rang']);
    expect(await db.selectFrom('refused_traffic').selectAll().orderBy('reason').execute()).toEqual([
      { hour_start: 5 * hour, reason: 'busy', count: 2, last_at: 5 * hour + 2, last_source: '' },
      { hour_start: 5 * hour, reason: 'gone-before-ringing', count: 1, last_at: 5 * hour + 3, last_source: '' },
    ]);
    await db.deleteFrom('refused_traffic').execute();
    const log = createRefusedTrafficLog({ db });
    await log.record({ at: 10 * hour + 5, reason: 'busy', source: '10.0.0.1:5060' });
    await log.record({ at: 10 * hour + 9, reason: 'busy', source: '10.0.0.2:5060' });
    await log.record({ at: 11 * hour, reason: 'busy', source: '10.0.0.3:5060' });
    await log.record({ at: 10 * hour + 7, reason: 'rate-limited', source: '10.0.0.9:5099' });
    expect(await db.selectFrom('refused_traffic').select(['hour_start', 'reason', 'count']).orderBy('hour_start').orderBy('reason').execute()).toEqual([
      { hour_start: 10 * hour, reason: 'busy', count: 2 },
      { hour_start: 10 * hour, reason: 'rate-limited', count: 1 },
      { hour_start: 11 * hour, reason: 'busy', count: 1 },
    ]);
    expect(await log.summary(10 * hour)).toEqual({
      since: 10 * hour,
      reasons: [
        { reason: 'busy', count: 3, lastAt: 11 * hour, lastSource: '10.0.0.3:5060' },
        { reason: 'rate-limited', count: 1, lastAt: 10 * hour + 7, lastSource: '10.0.0.9:5099' },
      ],
    });
    expect((await log.summary(11 * hour)).reasons).toEqual([{ reason: 'busy', count: 1, lastAt: 11 * hour, lastSource: '10.0.0.3:5060' }]);
    await migrateTo(db, '0014-stats-days');
    await expect(db.selectFrom('refused_traffic').selectAll().execute()).rejects.toThrow(/no such table/);
    await db.destroy();
  });
});
