import { describe, expect, it } from 'vitest';
import { neighbourStep, stepsFor } from './setup-steps.ts';

describe('set-up guide steps', () => {
  it('offer the admin PIN only where the guide may set the first one', () => {
    expect(stepsFor(true)).toEqual(['about', 'language', 'audio', 'adminPin', 'phoneSystem']);
    expect(stepsFor(false)).toEqual(['about', 'language', 'audio', 'phoneSystem']);
  });

  it('walk forward and back among the steps shown, and stop at either end', () => {
    const steps = stepsFor(false);
    expect(neighbourStep(steps, 'audio', 1)).toBe('phoneSystem');
    expect(neighbourStep(steps, 'phoneSystem', 1)).toBeNull();
    expect(neighbourStep(steps, 'about', -1)).toBeNull();
    expect(neighbourStep(steps, 'adminPin', 1)).toBeNull();
  });
});
