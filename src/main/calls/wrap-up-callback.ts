import type { CallRecord, WrapUp } from '../../shared/ipc/calls.ts';
import type { NewTask } from '../../shared/ipc/tasks.ts';

/**
 * A next step with a time becomes a call-back task for whoever does it (R23, R27). Not for a
 * practice call, nor for a call without a number to call back.
 */
export function callbackTaskFromWrapUp(call: CallRecord | null, wrapUp: WrapUp): NewTask | null {
  if (!call || call.practice || wrapUp.nextStepAt === null || !call.remoteNumber) return null;
  return {
    source: 'wrap-up',
    name: call.contactName || call.remoteDisplayName,
    number: call.remoteE164 ?? call.remoteNumber,
    due: { at: wrapUp.nextStepAt },
    owner: wrapUp.nextStepWho,
    note: wrapUp.nextStepWhat,
    originId: call.id,
  };
}
