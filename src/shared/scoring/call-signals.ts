import { z } from 'zod';
import { missingCaseError } from '../logger.ts';
import type { ItemAnswer, ScoreSignal } from './scorecard.ts';

/** What Ringside knows about a call, shown beside the scorecard (R1, R18, R20, R23, R26). */
export const callSignalsSchema = z.object({
  direction: z.enum(['inbound', 'outbound']),
  /** The ring the call was answered on (incoming calls). */
  rings: z.number().int().nullable(),
  /** Time on hold in all; the call's holds are not kept one by one. */
  holdMs: z.number().int(),
  transfers: z.number().int(),
  nextStepSet: z.boolean(),
  endedBy: z.enum(['caller', 'agent', 'system']).nullable(),
  /** The title of the furthest script stage reached, when a script was followed. */
  furthestStage: z.string().nullable(),
});
export type CallSignals = z.infer<typeof callSignalsSchema>;

const HOLD_LIMIT_MS = 60_000;

/** The answer a signal suggests for its item, or null when the supervisor has to listen. */
export function suggestedAnswer(signal: ScoreSignal, call: CallSignals): ItemAnswer | null {
  switch (signal) {
    case 'answeredOnRing2or3':
      if (call.direction === 'outbound') return 'na';
      return call.rings === null ? null : call.rings >= 2 && call.rings <= 3 ? 'yes' : 'no';
    case 'holdUnder60s':
      return call.holdMs === 0 ? 'na' : call.holdMs > HOLD_LIMIT_MS ? 'no' : null;
    case 'atMostTwoTransfers':
      return call.transfers === 0 ? 'na' : call.transfers <= 2 ? 'yes' : 'no';
    case 'nextStepSet':
      return call.nextStepSet ? 'yes' : 'no';
    case 'callerHungUpFirst':
      return call.endedBy === 'caller' ? 'yes' : call.endedBy === 'agent' ? 'no' : null;
    default:
      throw missingCaseError(signal);
  }
}
