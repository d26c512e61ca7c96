import { describe, expect, it } from 'vitest';
import { createInviteRateLimit, INVITE_BURST, INVITE_REFILL_MS } from './invite-rate-limit.ts';

describe('createInviteRateLimit', () => {
  it('lets a burst through per source, then one per refill interval, and says when to retry', () => {
    const limit = createInviteRateLimit();
    const t0 = 1_000_000;
    for (let i = 0; i < INVITE_BURST; i += 1) expect(limit.allow('a:1', t0)).toBe(true);
    expect(limit.allow('a:1', t0)).toBe(false);
    expect(limit.retryAfterSeconds('a:1', t0)).toBe(INVITE_REFILL_MS / 1000);
    expect(limit.allow('b:2', t0)).toBe(true);
    expect(limit.allow('a:1', t0 + INVITE_REFILL_MS - 1)).toBe(false);
    expect(limit.allow('a:1', t0 + INVITE_REFILL_MS)).toBe(true);
    expect(limit.allow('a:1', t0 + INVITE_REFILL_MS)).toBe(false);
    // Quiet long enough, a source has its whole burst again, and no more.
    const later = t0 + 100 * INVITE_REFILL_MS;
    for (let i = 0; i < INVITE_BURST; i += 1) expect(limit.allow('a:1', later)).toBe(true);
    expect(limit.allow('a:1', later)).toBe(false);
  });

  it('forgets the least recently heard sources when flooded from ever new ones, never the active one', () => {
    const limit = createInviteRateLimit();
    for (let i = 0; i < INVITE_BURST; i += 1) limit.allow('flood:1', 0);
    for (let i = 0; i < 5000; i += 1) {
      limit.allow(`spoofed-${i}:5060`, 1);
      if (i % 100 === 0) expect(limit.allow('flood:1', 1)).toBe(false);
    }
  });
});
