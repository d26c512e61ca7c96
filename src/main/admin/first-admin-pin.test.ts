import { describe, expect, it } from 'vitest';
import { assertFirstPinOpen, firstPinOpen } from './first-admin-pin.ts';

const fresh = { pinSet: false, setupGuide: 'pending', callsTaken: false } as const;

describe('the first admin PIN from the set-up guide', () => {
  it('may be set only on a new desk: no PIN, the guide still due, no call taken', () => {
    expect(firstPinOpen(fresh)).toBe(true);
    expect(() => assertFirstPinOpen(fresh)).not.toThrow();
  });

  it('is refused once a PIN is set, so it is set only once', () => {
    expect(firstPinOpen({ ...fresh, pinSet: true })).toBe(false);
    expect(() => assertFirstPinOpen({ ...fresh, pinSet: true })).toThrow(expect.objectContaining({ code: 'pin-already-set' }));
  });

  it('is refused on a desk whose guide was finished or skipped, or that has taken a call: a visitor cannot claim Admin', () => {
    for (const desk of [
      { ...fresh, setupGuide: 'completed' },
      { ...fresh, setupGuide: 'skipped' },
      { ...fresh, callsTaken: true },
    ] as const) {
      expect(firstPinOpen(desk)).toBe(false);
      expect(() => assertFirstPinOpen(desk)).toThrow(expect.objectContaining({ code: 'first-pin-closed' }));
    }
  });
});
