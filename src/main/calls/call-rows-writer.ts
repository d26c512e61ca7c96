import { missingCaseError, type Logger } from '../../shared/logger.ts';
import type { CallRecordPatch, CallRowFact, NewCallRecord } from '../phone/call-row-facts.ts';

export interface CallRowsWriterDeps {
  log: Logger;
  insert(row: NewCallRecord): Promise<void>;
  update(callId: string, patch: CallRecordPatch): Promise<void>;
  /** A call's row changed for good (it ended): the history and the statistics follow. */
  stored(callId: string): void;
}

/**
 * Writes the history's rows from the phone's facts. A call's writes go one after another in the
 * order the facts came, so its row exists before any change of it (and before what the recording
 * and the wrap-up write about it). A failed write is logged and the next one still tried.
 * Resolves when that fact's write is done.
 */
export function createCallRowsWriter(deps: CallRowsWriterDeps): (fact: CallRowFact) => Promise<void> {
  const lastWrite = new Map<string, Promise<void>>();
  const after = (callId: string, write: () => Promise<void>, failure: string): Promise<void> => {
    const done = (lastWrite.get(callId) ?? Promise.resolve()).then(write).catch((error: unknown) => deps.log.error(failure, { callId, error: String(error) }));
    lastWrite.set(callId, done);
    return done;
  };
  return (fact) => {
    switch (fact.kind) {
      case 'started':
        return after(fact.row.id, () => deps.insert(fact.row), 'Could not store the call');
      case 'changed':
        return after(fact.callId, () => deps.update(fact.callId, fact.patch), 'Could not update the stored call');
      case 'ended': {
        const written = after(fact.callId, () => deps.update(fact.callId, fact.patch), 'Could not update the stored call');
        return written.then(() => {
          if (lastWrite.get(fact.callId) === written) lastWrite.delete(fact.callId);
          deps.stored(fact.callId);
        });
      }
      default:
        throw missingCaseError(fact);
    }
  };
}
