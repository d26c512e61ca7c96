import type { KeptWrites } from '../db/kept-writes.ts';
import type { CallRepository } from './call-repository.ts';

/**
 * The call rows as the phone writes them, through the kept writes: a call that comes, is answered
 * or ends while the database's disk is full keeps its row and its true times in memory, and they
 * are written in order once space is free (the talk time is computed from them, not from the moment
 * of writing).
 */
export function callRowsKeptWhileDiskFull(repository: CallRepository, kept: KeptWrites): CallRepository {
  return {
    ...repository,
    async insert(call) {
      await kept.write(`call ${call.id}`, () => repository.insert(call));
    },
    async update(id, patch) {
      await kept.write(`call ${id} update`, () => repository.update(id, patch));
    },
    async wrapUp(wrapUp, now) {
      await kept.write(`call ${wrapUp.callId} wrap-up`, () => repository.wrapUp(wrapUp, now));
    },
  };
}
