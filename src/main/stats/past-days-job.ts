import type { Kysely } from 'kysely';
import { z } from 'zod';
import { systemClock } from '../../shared/clock.ts';
import { periodSchema, type Period } from '../../shared/ipc/stats.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { createDeskStatsByDays } from './desk-stats-days.ts';

/** One catch-up run: the days of `period` that are over and not kept yet, for each agent (null: everyone). */
export const pastDaysJobSchema = z.object({
  file: z.string().min(1),
  now: z.number(),
  timeZone: z.string().min(1),
  period: periodSchema,
  agents: z.array(z.string().nullable()),
  pauseMs: z.number().nonnegative(),
});
export type PastDaysJob = z.infer<typeof pastDaysJobSchema>;

/** The days counted, one number per agent of the job; or why it stopped (the code: SQLITE_FULL…). */
export const pastDaysReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('counted'), days: z.array(z.number().int().nonnegative()) }),
  z.object({ kind: z.literal('failed'), code: z.string().nullable(), message: z.string() }),
]);
export type PastDaysReply = z.infer<typeof pastDaysReplySchema>;

/**
 * Runs a catch-up off the caller's event loop; resolves the days counted per agent, rejects with
 * the error's code kept (a full disk is told apart), or when `signal` stops it.
 */
export type CountPastDays = (request: { period: Period; agents: (string | null)[]; now: number }, signal: AbortSignal) => Promise<number[]>;

/** The job on a connection: the worker thread runs it on its own. */
export async function runPastDaysJob(db: Kysely<DatabaseSchema>, job: PastDaysJob): Promise<PastDaysReply> {
  const stats = createDeskStatsByDays({ db, clock: { ...systemClock, now: () => job.now }, timeZone: () => job.timeZone });
  // Between days the write lock is free for the phone's own writes.
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, job.pauseMs));
  const days: number[] = [];
  try {
    for (const agent of job.agents) days.push(await stats.prepare(job.period, agent, pause));
    return { kind: 'counted', days };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return { kind: 'failed', code: typeof code === 'string' ? code : null, message: error instanceof Error ? error.message : String(error) };
  }
}
