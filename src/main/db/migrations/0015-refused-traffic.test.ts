import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';
import { createRefusedTrafficLog } from '../../calls/refused-traffic-log.ts';

describe('migration 0015: refused traffic', () => {
  it('adds a count per hour and reason beside the calls, which it leaves as they were', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0014-stats-days');
    await insertAnsweredCall(db, 'k1');
    await migrateTo(db, '0015-refused-traffic');
    const log = createRefusedTrafficLog({ db });
    const hour = 3_600_000;
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
    expect(await db.selectFrom('calls').select('id').execute()).toEqual([{ id: 'k1' }]);
    await migrateTo(db, '0014-stats-days');
    await expect(db.selectFrom('refused_traffic').selectAll().execute()).rejects.toThrow(/no such table/);
    await db.destroy();
  });
});
