import { describe, expect, it } from 'vitest';
import { shownStatus } from './shown-status.ts';

describe('the status shown for a colleague', () => {
  it('takes calls from the phone system’s busy lamp and the rest from their Ringside', () => {
    expect(shownStatus({ line: 'busy', presence: 'available' })).toBe('line-busy');
    expect(shownStatus({ line: 'ringing', presence: 'away' })).toBe('line-ringing');
    expect(shownStatus({ line: 'idle', presence: 'away' })).toBe('away');
    expect(shownStatus({ line: 'idle', presence: 'available' })).toBe('available');
    // Their Ringside's "on a call" is older news than the PBX's free line; no Ringside at all is just a free line.
    expect(shownStatus({ line: 'idle', presence: 'on-call' })).toBe('line-idle');
    expect(shownStatus({ line: 'idle', presence: 'unknown' })).toBe('line-idle');
    expect(shownStatus({ line: null, presence: 'on-call' })).toBe('on-call');
    expect(shownStatus({ line: null, presence: 'offline' })).toBe('offline');
  });
});
