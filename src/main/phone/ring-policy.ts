import type { Invitation } from 'sip.js';
import type { Clock } from '../../shared/clock.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import type { Availability, RingPolicy } from '../../shared/ipc/settings.ts';
import type { Logger } from '../../shared/logger.ts';
import { ringCompletesAtMs, ringPositionAt } from '../../shared/phone/ring-cadence.ts';
import type { CallEntry, CallFields } from './call-registry.ts';

/** What the ring policy needs of the calls, given by the call manager. */
export interface RingDelegate {
  clock: Clock;
  log: Logger;
  policy(): RingPolicy;
  availability(): Availability;
  /** Another call is being answered, dialled or talked on (this one would be call waiting). */
  anotherCallOn(): boolean;
  patch(entry: CallEntry, fields: CallFields): void;
  /** The call note: rang while another was on (never answered by itself from then on). */
  markWaited(entry: CallEntry): void;
  /** Its ring to answer on has completed. */
  answerByItself(callId: string): void;
  /** Ringing ends: no answer in time (480) or its INVITE expired (487). */
  ringingTimedOut(entry: CallEntry, byExpires: boolean): void;
}

interface RingTimers {
  phase: unknown;
  limit: unknown;
}

/**
 * A ringing call's rings (counted on the desk's cadence), auto-answer on ring N (R1) when the
 * person is available and not on another call, and its end at the ring timeout or the INVITE's
 * Expires, whichever is sooner.
 */
export class RingPolicyRunner {
  private readonly delegate: RingDelegate;
  private readonly timers = new Map<string, RingTimers>();

  constructor(delegate: RingDelegate) {
    this.delegate = delegate;
  }

  /** The call started ringing now. */
  start(entry: CallEntry, invitation: Invitation): void {
    this.timers.set(entry.call.id, { phase: null, limit: null });
    this.advance(entry);
    this.startLimit(entry, invitation);
  }

  /** Availability, the policy or the other calls changed: a ringing call re-decides auto-answer. */
  reconsider(entry: CallEntry): void {
    if (entry.call.state === 'ringing') this.delegate.patch(entry, this.flags(entry));
  }

  /** Answered, declined or ended: no more rings, no limit. */
  stop(callId: string): void {
    const timers = this.timers.get(callId);
    if (!timers) return;
    this.timers.delete(callId);
    if (timers.phase !== null) this.delegate.clock.clearTimeout(timers.phase);
    if (timers.limit !== null) this.delegate.clock.clearTimeout(timers.limit);
  }

  private advance(entry: CallEntry): void {
    const { clock } = this.delegate;
    const timers = this.timers.get(entry.call.id);
    if (!timers) return;
    const policy = this.delegate.policy();
    const cadence = { onMs: policy.ringOnMs, offMs: policy.ringOffMs };
    const elapsed = clock.now() - entry.call.inviteAt;
    const position = ringPositionAt(cadence, elapsed);
    // The decision made while the ring sounded counts, so compare before recomputing it.
    const autoRing = entry.call.autoAnswerOnRing;
    if (autoRing !== null && elapsed >= ringCompletesAtMs(cadence, autoRing)) {
      this.delegate.patch(entry, { ring: autoRing });
      this.delegate.answerByItself(entry.call.id);
      return;
    }
    this.delegate.patch(entry, { ring: position.ring, ringPhase: position.phase, ...this.flags(entry) });
    timers.phase = clock.setTimeout(() => {
      timers.phase = null;
      if (entry.call.state === 'ringing') this.advance(entry);
    }, Math.max(1, position.nextChangeAtMs - elapsed));
  }

  private flags(entry: CallEntry): Pick<LiveCall, 'waiting' | 'autoAnswerOnRing'> {
    const waiting = this.delegate.anotherCallOn();
    if (waiting) this.delegate.markWaited(entry);
    const policy = this.delegate.policy();
    if (entry.waiting === 'has-waited' || this.delegate.availability() !== 'available' || policy.answerOnRing === null) {
      return { waiting, autoAnswerOnRing: null };
    }
    // Never answer on a ring that has already completed: a change mid-call waits for the next ring.
    const position = ringPositionAt({ onMs: policy.ringOnMs, offMs: policy.ringOffMs }, this.delegate.clock.now() - entry.call.inviteAt);
    const firstPossible = position.phase === 'off' ? position.ring + 1 : position.ring;
    return { waiting, autoAnswerOnRing: Math.max(policy.answerOnRing, firstPossible) };
  }

  /**
   * Ringing ends at the ring timeout (Settings) or at the INVITE's Expires (RFC 3261 §20.19),
   * whichever is sooner: a lost CANCEL, or a PBX that forgets, must not hold a line for ever.
   */
  private startLimit(entry: CallEntry, invitation: Invitation): void {
    const { clock, log } = this.delegate;
    const timers = this.timers.get(entry.call.id);
    if (!timers) return;
    const timeoutMs = this.delegate.policy().ringTimeoutSeconds * 1000;
    const expiresMs = expiresHeaderMs(invitation.request.getHeader('Expires'));
    const byExpires = expiresMs !== null && expiresMs < timeoutMs;
    const limitMs = byExpires ? expiresMs : timeoutMs;
    timers.limit = clock.setTimeout(() => {
      timers.limit = null;
      if (entry.call.state !== 'ringing') return;
      log.info('Nobody answered in time: ringing ends', { callId: entry.call.id, limitMs, byExpires });
      this.delegate.ringingTimedOut(entry, byExpires);
    }, Math.max(0, limitMs - (clock.now() - entry.call.inviteAt)));
  }
}

/** An INVITE's Expires header (delta-seconds) in ms, or null when it has none or it cannot be read. */
function expiresHeaderMs(value: string | undefined): number | null {
  const seconds = value?.trim() ?? '';
  return /^\d{1,10}$/.test(seconds) ? Number(seconds) * 1000 : null;
}
