import type { StatsDaysTable } from '../db/database-schema.ts';
import type { DeskSums } from './desk-stats.ts';

type SumColumns = Omit<StatsDaysTable, 'day_start' | 'day_end' | 'agent'>;
type ScalarKey = 'incoming' | 'answered' | 'missed' | 'byRing3' | 'answerMs' | 'talkMs' | 'holdMs' | 'effective' | 'offers' | 'meetings' | 'deferred' | 'sold' | 'transfers';
type ListKey = 'missedAtRing' | 'answeredAtRing' | 'answeredWithinSeconds';

const SCALARS: readonly (readonly [ScalarKey, keyof SumColumns])[] = [
  ['incoming', 'incoming'],
  ['answered', 'answered'],
  ['missed', 'missed'],
  ['byRing3', 'by_ring_3'],
  ['answerMs', 'answer_ms'],
  ['talkMs', 'talk_ms'],
  ['holdMs', 'hold_ms'],
  ['effective', 'effective'],
  ['offers', 'offers'],
  ['meetings', 'meetings'],
  ['deferred', 'deferred'],
  ['sold', 'sold'],
  ['transfers', 'transfers'],
];
const LISTS: readonly (readonly [ListKey, readonly (keyof SumColumns)[]])[] = [
  ['missedAtRing', ['missed_at_ring_1', 'missed_at_ring_2', 'missed_at_ring_3', 'missed_at_ring_4', 'missed_at_ring_5', 'missed_at_ring_6', 'missed_at_ring_7', 'missed_at_ring_8']],
  ['answeredAtRing', ['answered_at_ring_1', 'answered_at_ring_2', 'answered_at_ring_3', 'answered_at_ring_4', 'answered_at_ring_5', 'answered_at_ring_6', 'answered_at_ring_7', 'answered_at_ring_8']],
  ['answeredWithinSeconds', ['answered_within_5s', 'answered_within_10s', 'answered_within_15s', 'answered_within_20s', 'answered_within_30s', 'answered_after_30s']],
];

/** Every column of a kept day's sums, for selecting them. */
export const SUM_COLUMNS: readonly (keyof SumColumns)[] = [...SCALARS.map(([, column]) => column), ...LISTS.flatMap(([, columns]) => columns)];

/** A day's sums as stats_days stores them (migration 0019); the lead sources go to stats_day_sources. */
export function sumColumnsOf(sums: DeskSums): SumColumns {
  const columns: Partial<Record<keyof SumColumns, number>> = {};
  for (const [key, column] of SCALARS) columns[column] = sums[key];
  for (const [key, names] of LISTS) names.forEach((column, i) => (columns[column] = sums[key][i] ?? 0));
  return columns as SumColumns;
}

/** The sums of a kept day from its columns and its lead sources' rows. */
export function sumsOfColumns(columns: SumColumns, sources: readonly { source: string; incoming: number; sold: number }[]): DeskSums {
  const scalars = Object.fromEntries(SCALARS.map(([key, column]) => [key, columns[column]])) as Record<ScalarKey, number>;
  const lists = Object.fromEntries(LISTS.map(([key, names]) => [key, names.map((column) => columns[column])])) as Record<ListKey, number[]>;
  return { ...scalars, ...lists, bySource: Object.fromEntries(sources.map((s) => [s.source, { incoming: s.incoming, sold: s.sold }])) };
}
