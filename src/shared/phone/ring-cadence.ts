/**
 * Ring counting (R1). Ring n (1-based) sounds from (n−1)·period to (n−1)·period + on, then is
 * silent for `off`; a ring "completes" when its sound ends. Main counts rings with this so the
 * stored count, the UI and auto-answer agree.
 */
export interface RingCadence {
  onMs: number;
  offMs: number;
}

export interface RingPosition {
  /** The ring sounding now or the last one that sounded (1-based). */
  ring: number;
  phase: 'on' | 'off';
  /** Milliseconds from the INVITE to the next phase change. */
  nextChangeAtMs: number;
}

export function ringPositionAt(cadence: RingCadence, elapsedMs: number): RingPosition {
  const period = cadence.onMs + cadence.offMs;
  const elapsed = Math.max(0, elapsedMs);
  const index = Math.floor(elapsed / period);
  const intoPeriod = elapsed - index * period;
  if (intoPeriod < cadence.onMs || cadence.offMs === 0) {
    return { ring: index + 1, phase: 'on', nextChangeAtMs: index * period + cadence.onMs };
  }
  return { ring: index + 1, phase: 'off', nextChangeAtMs: (index + 1) * period };
}

/** Milliseconds from the INVITE to the moment ring n completes. */
export function ringCompletesAtMs(cadence: RingCadence, ring: number): number {
  return (ring - 1) * (cadence.onMs + cadence.offMs) + cadence.onMs;
}

/** Rings heard by a caller who waited this long (a ring that started counts). */
export function ringsHeard(cadence: RingCadence, elapsedMs: number): number {
  return ringPositionAt(cadence, elapsedMs).ring;
}
