import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Invitation, Session } from 'sip.js';
import { systemClock } from '../../shared/clock.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { defaultSettings, type Availability, type RingPolicy } from '../../shared/ipc/settings.ts';
import { silentLogger } from '../../shared/logger.ts';
import { CallRegistry } from './call-registry.ts';
import { RingPolicyRunner } from './ring-policy.ts';

function invitation(headers: Record<string, string> = {}): Invitation {
  return { request: { getHeader: (name: string) => headers[name.toLowerCase()] } } as unknown as Invitation;
}

function setup(policyChange: Partial<RingPolicy> = {}) {
  const policy: RingPolicy = { ...defaultSettings.ringPolicy, answerOnRing: 2, ringOnMs: 2000, ringOffMs: 1000, ringTimeoutSeconds: 30, ...policyChange };
  let availability: Availability = 'available';
  let anotherCallOn = false;
  const answered: string[] = [];
  const timedOut: { callId: string; byExpires: boolean }[] = [];
  const registry = new CallRegistry(() => undefined);
  const runner = new RingPolicyRunner({
    clock: systemClock,
    log: silentLogger,
    policy: () => policy,
    availability: () => availability,
    anotherCallOn: () => anotherCallOn,
    patch: (entry, fields) => registry.patch(entry, fields),
    markWaited: (entry) => registry.markWaited(entry),
    answerByItself: (callId) => answered.push(callId),
    ringingTimedOut: (entry, byExpires) => timedOut.push({ callId: entry.call.id, byExpires }),
  });
  const ring = (id: string, headers?: Record<string, string>) => {
    const call = { id, state: 'ringing', inviteAt: Date.now(), ring: 0, autoAnswerOnRing: null, waiting: false } as LiveCall;
    const entry = registry.add(call, {} as Session, null);
    runner.start(entry, invitation(headers));
    return entry;
  };
  return {
    runner,
    ring,
    answered,
    timedOut,
    setAvailability: (next: Availability) => (availability = next),
    setAnotherCallOn: (next: boolean) => (anotherCallOn = next),
  };
}

describe('RingPolicyRunner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-22T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts rings on the cadence and answers by itself when ring 2 completes (2 s on, 1 s off: at 5 s)', async () => {
    const t = setup();
    const entry = t.ring('a');
    expect(entry.call).toMatchObject({ ring: 1, ringPhase: 'on', autoAnswerOnRing: 2, waiting: false });
    await vi.advanceTimersByTimeAsync(3000);
    expect(entry.call).toMatchObject({ ring: 2, ringPhase: 'on' });
    await vi.advanceTimersByTimeAsync(1999);
    expect(t.answered).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.answered).toEqual(['a']);
    expect(entry.call.ring).toBe(2);
  });

  it('a call that rang while another was on is never answered by itself, even once the other ends', async () => {
    const t = setup();
    t.setAnotherCallOn(true);
    const entry = t.ring('a');
    expect(entry.call).toMatchObject({ waiting: true, autoAnswerOnRing: null });
    t.setAnotherCallOn(false);
    t.runner.reconsider(entry);
    expect(entry.call).toMatchObject({ waiting: false, autoAnswerOnRing: null });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.answered).toEqual([]);
  });

  it('away: no auto-answer; back mid-ring: it answers on the next ring, never on one already complete', async () => {
    const t = setup();
    t.setAvailability('away');
    const entry = t.ring('a');
    expect(entry.call.autoAnswerOnRing).toBeNull();
    await vi.advanceTimersByTimeAsync(5500);
    t.setAvailability('available');
    t.runner.reconsider(entry);
    expect(entry.call.autoAnswerOnRing).toBe(3);
  });

  it('ringing ends at the ring timeout, or at the INVITE’s Expires when that is sooner; stop() ends both timers', async () => {
    const t = setup({ answerOnRing: null });
    t.ring('a');
    t.ring('b', { expires: '10' });
    const c = t.ring('c');
    t.runner.stop(c.call.id);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.timedOut).toEqual([{ callId: 'b', byExpires: true }]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(t.timedOut).toEqual([
      { callId: 'b', byExpires: true },
      { callId: 'a', byExpires: false },
    ]);
  });
});
