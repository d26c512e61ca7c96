/**
 * The set-up guide's steps, in order. The admin PIN step is there only on a desk whose first PIN
 * the guide may still set (decision 0016).
 */
export const setupSteps = ['about', 'language', 'audio', 'adminPin', 'phoneSystem'] as const;
export type SetupStep = (typeof setupSteps)[number];

export function stepsFor(firstPinOpen: boolean): SetupStep[] {
  return setupSteps.filter((step) => step !== 'adminPin' || firstPinOpen);
}

/** The step after (or before) this one among those shown; null past either end. */
export function neighbourStep(steps: readonly SetupStep[], from: SetupStep, by: 1 | -1): SetupStep | null {
  const at = steps.indexOf(from);
  return at === -1 ? null : (steps[at + by] ?? null);
}
