import { describe, expect, it } from 'vitest';
import { ringCompletesAtMs, ringPositionAt, ringsHeard } from './ring-cadence.ts';

const cadence = { onMs: 1000, offMs: 4000 };

describe('ring cadence', () => {
  it('counts the first ring from the INVITE', () => {
    expect(ringPositionAt(cadence, 0)).toEqual({ ring: 1, phase: 'on', nextChangeAtMs: 1000 });
    expect(ringPositionAt(cadence, 999)).toMatchObject({ ring: 1, phase: 'on' });
  });

  it('is silent between rings and starts ring 2 after one period', () => {
    expect(ringPositionAt(cadence, 1000)).toEqual({ ring: 1, phase: 'off', nextChangeAtMs: 5000 });
    expect(ringPositionAt(cadence, 5000)).toEqual({ ring: 2, phase: 'on', nextChangeAtMs: 6000 });
  });

  it('says ring 2 completes at 6 s and ring 4 at 16 s with the default cadence', () => {
    expect(ringCompletesAtMs(cadence, 2)).toBe(6000);
    expect(ringCompletesAtMs(cadence, 4)).toBe(16000);
  });

  it('counts a started ring as heard', () => {
    expect(ringsHeard(cadence, 500)).toBe(1);
    expect(ringsHeard(cadence, 5200)).toBe(2);
  });

  it('handles a continuous ring (no off phase)', () => {
    expect(ringPositionAt({ onMs: 2000, offMs: 0 }, 2500)).toEqual({ ring: 2, phase: 'on', nextChangeAtMs: 4000 });
  });
});
