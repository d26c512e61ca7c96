import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0013: call scoring', () => {
  it('keeps calls, scores a call once, and its comments go with its score', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0012-transfer-legs');
    await insertAnsweredCall(db, 'k1');
    await migrateTo(db, '0013-call-scoring');
    const score = { call_id: 'k1', agent: 'sip:101@pbx', scorecard: '{}', answers: '{}', summary: '', points: 3, max_points: 4, percent: 75, failed_critical: 0, scored_by: 'admin', scored_at: 5 };
    await db.insertInto('call_scores').values(score).execute();
    await expect(db.insertInto('call_scores').values(score).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await db.insertInto('score_comments').values({ id: 'c1', call_id: 'k1', recording_id: null, at_ms: 5000, text: 'Good greeting' }).execute();
    await db.deleteFrom('call_scores').execute();
    expect(await db.selectFrom('score_comments').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('calls').select('id').execute()).toEqual([{ id: 'k1' }]);
    await db.destroy();
  });
});
