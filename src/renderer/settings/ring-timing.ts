import { ringCompletesAtMs, type RingCadence } from '../../shared/phone/ring-cadence.ts';

/**
 * Ring timing as a person sets it: seconds and rings. The settings file keeps milliseconds; the form
 * converts here, in both directions, so the two never drift apart.
 */

/** Answering at the end of the 2nd ring: the caller hears a real ring, and the desk has a moment to read the card. */
export const RECOMMENDED_ANSWER_RING = 2;

/** The rings auto-answer can be set to (the settings schema allows 1–6). */
export const ANSWER_RINGS = [1, 2, 3, 4, 5, 6] as const;

/** Seconds to at most one decimal in the language's own number format: "1.5" in English, "1,5" in Russian and Greek. */
export function formatSeconds(ms: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(ms / 1000);
}

/** Milliseconds from seconds as typed ("1.5", "1,5", "2"), to the nearest tenth of a second; null for anything else. */
export function parseSecondsToMs(text: string): number | null {
  const typed = text.trim().replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(typed)) return null;
  return Math.round(Number(typed) * 10) * 100;
}

export interface AnswerOption {
  ring: number;
  /** From the call's arrival to the moment this ring ends and the desk answers. */
  afterMs: number;
  recommended: boolean;
}

/** Each auto-answer choice with how long the caller waits for it under this cadence. */
export function answerOptions(cadence: RingCadence): AnswerOption[] {
  return ANSWER_RINGS.map((ring) => ({ ring, afterMs: ringCompletesAtMs(cadence, ring), recommended: ring === RECOMMENDED_ANSWER_RING }));
}
