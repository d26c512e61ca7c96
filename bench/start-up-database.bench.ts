import { openCallsBefore } from '../src/main/calls/call-repository.ts';
import { openDatabase } from '../src/main/db/open-database.ts';
import { ms, percentiles } from './percentiles.ts';
import { CALLS, benchmarkDatabase } from './screen-pop-database.ts';

const RUNS = 5;

/**
 * Start-up over the screen-pop database (5,000,000 calls): the look-up for calls a crash left
 * open, as closeInterrupted runs it (served by calls_open_invite_at), against the anchor of the
 * same query as SQLite plans it without that index — how it ran before migration 0018 — in the
 * same run: the index is dropped inside a transaction that is rolled back.
 */
export async function run(log: (line: string) => void): Promise<void> {
  const file = await benchmarkDatabase(log);
  const database = await openDatabase(file);
  const { sqlite } = database;
  try {
    const startedAt = Date.now();
    const query = openCallsBefore(database.db, startedAt).compile();
    const planOf = () => (sqlite.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as { detail: string }[]).map((row) => row.detail).join(' | ');
    const beforeMigration = (): { ms: number; rows: number; plan: string } => {
      sqlite.exec('begin');
      try {
        sqlite.exec('drop index calls_open_invite_at');
        const statement = sqlite.prepare(query.sql);
        const started = performance.now();
        const rows = statement.all(...query.parameters).length;
        return { ms: performance.now() - started, rows, plan: planOf() };
      } finally {
        sqlite.exec('rollback');
      }
    };
    const samples = { now: [] as number[], before: [] as number[] };
    let beforePlan = '';
    for (let i = 0; i <= RUNS; i++) {
      const started = performance.now();
      const open = await openCallsBefore(database.db, startedAt).execute();
      const now = performance.now() - started;
      const before = beforeMigration();
      beforePlan = before.plan;
      if (open.length !== before.rows) throw new Error('The two queries disagree');
      // The first round warms the page cache for both.
      if (i === 0) continue;
      samples.now.push(now);
      samples.before.push(before.ms);
    }
    const now = percentiles(samples.now);
    const then = percentiles(samples.before);
    log(`Start-up over ${CALLS.toLocaleString('en')} calls — the calls a crash left open (closeInterrupted), ${RUNS} runs each, interleaved`);
    log(`  without calls_open_invite_at (before migration 0018): p50 ${ms(then.p50)}  max ${ms(then.max)}  plan: ${beforePlan}`);
    log(`  with it:                                             p50 ${ms(now.p50)}  max ${ms(now.max)}  plan: ${planOf()} — ${(then.p50 / now.p50).toFixed(0)}× less`);
  } finally {
    await database.close();
  }
}
