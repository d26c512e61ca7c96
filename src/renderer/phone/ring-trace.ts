import type { LiveCall } from '../../shared/ipc/phone.ts';
import { newlyRinging } from '../../shared/phone/newly-ringing.ts';

/**
 * Performance marks along a newly ringing call's way to the screen, each with the call's id in
 * its detail: the screen-pop bench (bench/screen-pop-paint-run.ts) reads them back to say where
 * the time between the INVITE and the painted card goes.
 */
export const ringMarks = {
  /** The core's message with the ringing call arrived, before its checks. */
  received: 'ringside:ring-received',
  /** It passed the contract's checks and reached the window's listener. */
  validated: 'ringside:ring-validated',
  /** The store holds it (its subscribers, such as the ringtone, have run). */
  stored: 'ringside:ring-stored',
  /** React committed the ringing call's panel to the page. */
  committed: 'ringside:ring-committed',
} as const;

/** The part of the browser's Performance the trace uses. */
export interface RingTimeline {
  now(): number;
  mark(name: string, options: { startTime: number; detail: { callId: string } }): unknown;
  clearMarks(name: string): void;
}

export interface RingTrace {
  /** A message from the core arrived (any message: only a ringing call's is marked, later). */
  arrived(): void;
  /** A checked calls update reached the listener: calls ringing for the first time are marked. */
  validated(calls: readonly LiveCall[]): void;
  /** The store took the update. */
  stored(): void;
  /** React committed this call's panel while it rings. */
  committed(callId: string): void;
}

/**
 * Marks only a call's first ringing update, and a new ring clears the marks of the ones before,
 * so a day of calls leaves a handful of entries in the timeline, not one per message.
 */
export function createRingTrace(timeline: RingTimeline): RingTrace {
  let arrivedAt = 0;
  let seen: Set<string> = new Set();
  let fresh: string[] = [];
  let uncommitted = new Set<string>();
  const mark = (name: string, callId: string, startTime = timeline.now()) => timeline.mark(name, { startTime, detail: { callId } });
  return {
    arrived() {
      arrivedAt = timeline.now();
    },
    validated(calls) {
      const next = newlyRinging(seen, calls);
      seen = next.seen;
      fresh = next.fresh.map((call) => call.id);
      uncommitted = new Set([...[...uncommitted].filter((id) => seen.has(id)), ...fresh]);
      if (fresh.length === 0) return;
      for (const name of Object.values(ringMarks)) timeline.clearMarks(name);
      for (const callId of fresh) {
        mark(ringMarks.received, callId, arrivedAt);
        mark(ringMarks.validated, callId);
      }
    },
    stored() {
      for (const callId of fresh) mark(ringMarks.stored, callId);
      fresh = [];
    },
    committed(callId) {
      if (uncommitted.delete(callId)) mark(ringMarks.committed, callId);
    },
  };
}

/** This window's trace, on the page's own timeline. */
export const ringTrace = createRingTrace(performance);
