import { describe, expect, it } from 'vitest';
import { practiceStartRefusal } from './practice-start-guard.ts';

describe('starting a practice call', () => {
  it('is allowed with a window for the audio and a free line (ended calls do not count)', () => {
    expect(practiceStartRefusal({ mediaHost: true, practiceBusy: false, calls: [{ state: 'ended' }] })).toBeNull();
  });

  it('needs a window to carry the audio', () => {
    expect(practiceStartRefusal({ mediaHost: false, practiceBusy: false, calls: [] })?.code).toBe('no-media');
  });

  it('waits for the line: a practice call on, or any real call not ended, ringing included', () => {
    expect(practiceStartRefusal({ mediaHost: true, practiceBusy: true, calls: [] })?.code).toBe('line-busy-practice');
    expect(practiceStartRefusal({ mediaHost: true, practiceBusy: false, calls: [{ state: 'ringing' }] })?.code).toBe('line-busy-practice');
  });
});
