import { z } from 'zod';

/** How soon a lead must be called back (R27): hot within minutes, warm within the half hour, cold the next working morning. */
export const callbackPolicySchema = z.object({
  hotMinutes: z.number().int().min(1).max(240),
  warmMinutes: z.number().int().min(1).max(24 * 60),
  /** Cold leads: this hour of the next working day (Monday–Friday), office time. */
  coldHour: z.number().int().min(0).max(23),
  /** "I will call you back in 10–15 minutes" (R22). */
  promiseMinutes: z.number().int().min(1).max(240),
});
export type CallbackPolicy = z.infer<typeof callbackPolicySchema>;

export const defaultCallbackPolicy: CallbackPolicy = { hotMinutes: 2, warmMinutes: 30, coldHour: 9, promiseMinutes: 15 };

export type CallbackUrgency = 'hot' | 'warm' | 'cold' | 'promise';

/**
 * When a call-back is due. `localParts` reads a time in the office's time zone (weekday 0 = Sunday),
 * `fromLocal` turns office-local parts back into a time: the shared layer knows no time zones.
 */
export function callbackDueAt(
  urgency: CallbackUrgency,
  now: number,
  policy: CallbackPolicy,
  zone: { localParts(t: number): { year: number; month: number; day: number; weekday: number }; fromLocal(year: number, month: number, day: number, hour: number): number },
): number {
  switch (urgency) {
    case 'hot':
      return now + policy.hotMinutes * 60_000;
    case 'warm':
      return now + policy.warmMinutes * 60_000;
    case 'promise':
      return now + policy.promiseMinutes * 60_000;
    case 'cold': {
      const today = zone.localParts(now);
      // Next working day: Friday, Saturday and Sunday roll to Monday.
      const skip = today.weekday === 5 ? 3 : today.weekday === 6 ? 2 : 1;
      return zone.fromLocal(today.year, today.month, today.day + skip, policy.coldHour);
    }
  }
}

/** Open tasks, the most pressing first: overdue, then due soonest. */
export function byDue<T extends { dueAt: number }>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => a.dueAt - b.dueAt);
}
