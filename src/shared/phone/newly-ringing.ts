import type { LiveCall } from '../ipc/phone.ts';

/**
 * Incoming calls that started ringing since the last list of calls: each one brings the window
 * forward and raises a desktop notification once. `seen` holds the ids already announced; the
 * result's `seen` keeps only calls still present, so it never grows.
 */
export function newlyRinging(seen: ReadonlySet<string>, calls: readonly LiveCall[]): { fresh: LiveCall[]; seen: Set<string> } {
  const fresh = calls.filter((c) => c.direction === 'inbound' && c.state === 'ringing' && !seen.has(c.id));
  const present = new Set(calls.map((c) => c.id));
  return { fresh, seen: new Set([...[...seen].filter((id) => present.has(id)), ...fresh.map((c) => c.id)]) };
}
