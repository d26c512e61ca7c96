import { z } from 'zod';
import { missingCaseError } from '../logger.ts';

/**
 * Where this desk is with the first-run set-up guide:
 * - `pending`: a fresh data folder; the guide opens by itself, and may set the first admin PIN.
 * - `completed`: the person went through the guide to its end.
 * - `skipped`: the person closed it, or the desk was set up otherwise (a start config, a settings
 *   file from before the guide). It stays reachable from Settings and the top bar.
 * It never goes back to `pending`: that is what keeps the first admin PIN out of a visitor's reach
 * (docs/decisions/0016-first-admin-pin.md).
 */
export const setupGuideStateSchema = z.enum(['pending', 'completed', 'skipped']);
export type SetupGuideState = z.infer<typeof setupGuideStateSchema>;

/** Whether the guide may move from one state to the other; staying put is always allowed. */
export function canMoveSetupGuide(from: SetupGuideState, to: SetupGuideState): boolean {
  if (from === to) return true;
  switch (to) {
    case 'pending':
      return false;
    case 'completed':
    case 'skipped':
      return true;
    default:
      throw missingCaseError(to);
  }
}
