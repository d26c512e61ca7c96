import type { LiveCall } from '../../shared/ipc/phone.ts';

/** A call being talked on (or being connected): what hang-up, mute and hold act on. */
export const isLive = (call: LiveCall) => call.state === 'answering' || call.state === 'active' || call.state === 'dialing';
export const isHeldHere = (call: Pick<LiveCall, 'hold'>) => call.hold === 'local' || call.hold === 'both';

/**
 * The call the screen (and the headset's buttons) are about. During a warm transfer the consult
 * call is the one being talked on while the caller waits on hold; with no live call, the ringing
 * one; else the call that ended last (its wrap-up).
 */
export function primaryCall(calls: readonly LiveCall[]): LiveCall | undefined {
  return (
    calls.find((c) => isLive(c) && !isHeldHere(c)) ??
    calls.find((c) => isLive(c)) ??
    calls.find((c) => c.state === 'ringing' && !c.waiting) ??
    calls.find((c) => c.state === 'ringing') ??
    calls.filter((c) => c.state === 'ended').sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))[0]
  );
}
