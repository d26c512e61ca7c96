/**
 * Delay before reconnection attempt n (1-based): 1 s, 2 s, 4 s … up to 30 s, with ±20 % jitter so
 * a room of desks does not hit a restarted PBX at the same instant.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  const jitter = 1 + (random() * 0.4 - 0.2);
  return Math.round(base * jitter);
}
