import { describe, expect, it } from 'vitest';
import { deskPresenceStatus } from './desk-presence.ts';

describe("this desk's presence", () => {
  it('is on a call while a call is answered, dialled or talked on', () => {
    for (const state of ['answering', 'dialing', 'active'] as const) expect(deskPresenceStatus([{ state }], 'away')).toBe('on-call');
  });

  it('is the availability while calls only ring or have ended', () => {
    expect(deskPresenceStatus([{ state: 'ringing' }, { state: 'ended' }], 'available')).toBe('available');
    expect(deskPresenceStatus([{ state: 'ringing' }], 'away')).toBe('away');
    expect(deskPresenceStatus([], 'away')).toBe('away');
  });
});
