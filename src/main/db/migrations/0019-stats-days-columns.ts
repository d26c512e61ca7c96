import { sql, type Kysely } from 'kysely';

/** The scalar sums, by column, as 0014's JSON named them. */
const SCALARS = {
  incoming: 'incoming',
  answered: 'answered',
  missed: 'missed',
  by_ring_3: 'byRing3',
  answer_ms: 'answerMs',
  talk_ms: 'talkMs',
  hold_ms: 'holdMs',
  effective: 'effective',
  offers: 'offers',
  meetings: 'meetings',
  deferred: 'deferred',
  sold: 'sold',
  transfers: 'transfers',
} as const;
/** The JSON's lists, one column per place: rings 1 to 8 (8: the 8th or later), answered within 5, 10, 15, 20, 30 s or after. */
const LISTS = {
  missedAtRing: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `missed_at_ring_${n}`),
  answeredAtRing: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `answered_at_ring_${n}`),
  answeredWithinSeconds: ['answered_within_5s', 'answered_within_10s', 'answered_within_15s', 'answered_within_20s', 'answered_within_30s', 'answered_after_30s'],
} as const;
const COLUMNS = [...Object.keys(SCALARS), ...Object.values(LISTS).flat()];

interface OldRow {
  day_start: number;
  agent: string;
  sums: string;
}

/**
 * A kept day's sums as columns, and its lead sources as rows of their own, instead of 0014's JSON
 * text: any SQL database reads and adds them up, and none needs SQLite's JSON to. The kept days
 * are converted here (in code, not with json_extract); a row whose JSON is unreadable is dropped,
 * and the next request counts that day again. Forgetting a day (0014's triggers) takes its
 * sources with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) await db.schema.alterTable('stats_days').addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('stats_day_sources')
    .addColumn('day_start', 'bigint', (c) => c.notNull())
    .addColumn('agent', 'text', (c) => c.notNull())
    /** The caller's lead source ('' for none). */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('incoming', 'integer', (c) => c.notNull())
    .addColumn('sold', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_day_sources_pk', ['day_start', 'agent', 'source'])
    .addForeignKeyConstraint('stats_day_sources_day', ['day_start', 'agent'], 'stats_days', ['day_start', 'agent'], (fk) => fk.onDelete('cascade'))
    .execute();
  const old = db as unknown as Kysely<{ stats_days: OldRow & Record<string, number>; stats_day_sources: { day_start: number; agent: string; source: string; incoming: number; sold: number } }>;
  const rows = await old.selectFrom('stats_days').select(['day_start', 'agent', 'sums']).execute();
  for (const row of rows) {
    const converted = convert(row.sums);
    const where = old.deleteFrom('stats_days').where('day_start', '=', row.day_start).where('agent', '=', row.agent);
    if (!converted) {
      await where.execute();
      continue;
    }
    await old.updateTable('stats_days').set(converted.columns).where('day_start', '=', row.day_start).where('agent', '=', row.agent).execute();
    for (const [source, counts] of converted.sources) {
      await old.insertInto('stats_day_sources').values({ day_start: row.day_start, agent: row.agent, source, incoming: counts.incoming, sold: counts.sold }).execute();
    }
  }
  await db.schema.alterTable('stats_days').dropColumn('sums').execute();
}

function convert(text: string): { columns: Record<string, number>; sources: [string, { incoming: number; sold: number }][] } | null {
  let sums: unknown;
  try {
    sums = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof sums !== 'object' || sums === null) return null;
  const body = sums as Record<string, unknown>;
  const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  const columns: Record<string, number> = {};
  for (const [column, key] of Object.entries(SCALARS)) {
    const value = count(body[key]);
    if (value === null) return null;
    columns[column] = value;
  }
  for (const [key, names] of Object.entries(LISTS)) {
    const list = body[key];
    if (!Array.isArray(list) || list.length !== names.length) return null;
    for (const [i, name] of names.entries()) {
      const value = count(list[i]);
      if (value === null) return null;
      columns[name] = value;
    }
  }
  const bySource = body.bySource;
  if (typeof bySource !== 'object' || bySource === null) return null;
  const sources: [string, { incoming: number; sold: number }][] = [];
  for (const [source, counts] of Object.entries(bySource as Record<string, { incoming?: unknown; sold?: unknown }>)) {
    const incoming = count(counts.incoming);
    const sold = count(counts.sold);
    if (incoming === null || sold === null) return null;
    sources.push([source, { incoming, sold }]);
  }
  return { columns, sources };
}

/** Back to 0014's JSON: the days are kept, their sources folded into the text again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stats_days').addColumn('sums', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  const sources = `(select json_group_object(source, json_object('incoming', incoming, 'sold', sold)) from stats_day_sources s where s.day_start = stats_days.day_start and s.agent = stats_days.agent)`;
  const scalars = Object.entries(SCALARS).map(([column, key]) => `'${key}', ${column}`);
  const lists = Object.entries(LISTS).map(([key, names]) => `'${key}', json_array(${names.join(', ')})`);
  await sql.raw(`update stats_days set sums = json_object(${[...scalars, ...lists].join(', ')}, 'bySource', json(coalesce(${sources}, '{}')))`).execute(db);
  await db.schema.dropTable('stats_day_sources').execute();
  for (const column of COLUMNS) await db.schema.alterTable('stats_days').dropColumn(column).execute();
}
