import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './reconnect-backoff.ts';

describe('reconnect backoff', () => {
  const noJitter = () => 0.5;

  it('doubles from one second', () => {
    expect([1, 2, 3, 4].map((n) => reconnectDelayMs(n, noJitter))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than 30 seconds', () => {
    expect(reconnectDelayMs(20, noJitter)).toBe(30_000);
  });

  it('spreads attempts by at most 20 %', () => {
    expect(reconnectDelayMs(3, () => 0)).toBe(3200);
    expect(reconnectDelayMs(3, () => 0.999999)).toBe(4800);
  });
});
