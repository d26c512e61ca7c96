import { describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import { ADMIN_UNLOCK_MS, createAdminGate, type ClientSession } from './admin-session.ts';

function gate(pinSet: boolean) {
  let now = 50_000;
  const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
  return { gate: createAdminGate({ clock, pinSet: () => Promise.resolve(pinSet) }), advance: (ms: number) => (now += ms), now: () => now };
}

describe("a window's admin unlock", () => {
  it('holds for ADMIN_UNLOCK_MS after the PIN, and each admin action starts the time again', async () => {
    const { gate: g, advance, now } = gate(true);
    const session: ClientSession = { adminUntil: 0 };
    g.unlock(session);
    advance(ADMIN_UNLOCK_MS - 1);
    await g.require(session);
    expect(session.adminUntil).toBe(now() + ADMIN_UNLOCK_MS);
    advance(ADMIN_UNLOCK_MS - 1);
    expect(g.unlocked(session)).toBe(true);
    advance(1);
    expect(g.unlocked(session)).toBe(false);
    await expect(g.require(session)).rejects.toMatchObject({ code: 'admin-locked' });
  });

  it('is lost on Lock; a desk without a PIN is told to set one', async () => {
    const session: ClientSession = { adminUntil: 0 };
    const locked = gate(true).gate;
    locked.unlock(session);
    locked.lock(session);
    await expect(locked.require(session)).rejects.toMatchObject({ code: 'admin-locked' });
    await expect(gate(false).gate.require({ adminUntil: 0 })).rejects.toMatchObject({ code: 'admin-no-pin' });
  });
});
