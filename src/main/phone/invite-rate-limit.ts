/**
 * How many INVITEs one source may send: a burst of BURST, then one every REFILL_MS (a token
 * bucket per source). A desk has at most eight lines, so a source that calls faster than this is a
 * flood or a fuzzer, not callers; its INVITEs are refused before they ring or reach the database.
 */
export const INVITE_BURST = 10;
export const INVITE_REFILL_MS = 2000;
/** Sources remembered at once: a flood from ever new (spoofed) sources must not grow the map. */
const MAX_SOURCES = 1000;

export interface InviteRateLimit {
  /** True when this INVITE from `source` may go on; false when it is over the limit. */
  allow(source: string, now: number): boolean;
  /** Seconds until `source` may send again (for Retry-After). */
  retryAfterSeconds(source: string, now: number): number;
}

export function createInviteRateLimit(): InviteRateLimit {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const tokensAt = (source: string, now: number): number => {
    const bucket = buckets.get(source);
    if (!bucket) return INVITE_BURST;
    return Math.min(INVITE_BURST, bucket.tokens + Math.max(0, now - bucket.at) / INVITE_REFILL_MS);
  };
  return {
    allow(source, now) {
      const tokens = tokensAt(source, now);
      const allowed = tokens >= 1;
      // Re-inserted on every INVITE, so the map's first entry is the source heard from least
      // recently: forgotten first, never a source that is flooding now.
      buckets.delete(source);
      const oldest = buckets.keys().next();
      if (buckets.size >= MAX_SOURCES && !oldest.done) buckets.delete(oldest.value);
      buckets.set(source, { tokens: allowed ? tokens - 1 : tokens, at: now });
      return allowed;
    },
    retryAfterSeconds(source, now) {
      return Math.max(1, Math.ceil(((1 - tokensAt(source, now)) * INVITE_REFILL_MS) / 1000));
    },
  };
}
