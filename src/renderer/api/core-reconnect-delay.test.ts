import { describe, expect, it } from 'vitest';
import { coreReconnectDelayMs } from './core-reconnect-delay.ts';

describe('reconnecting a window to the core', () => {
  it('polls every 250 ms for the first 10 s, so a restarted core is reached at once, then every 2 s', () => {
    const delays = Array.from({ length: 45 }, (_, i) => coreReconnectDelayMs(i + 1));
    expect(delays.slice(0, 40).every((ms) => ms === 250)).toBe(true);
    expect(delays.slice(0, 40).reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(delays.slice(40)).toEqual([2000, 2000, 2000, 2000, 2000]);
  });
});
