import { describe, expect, it } from 'vitest';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { headsetCommand, headsetLamps } from './headset-commands.ts';
import { JABRA_LIKE_COLLECTIONS } from './jabra-like-descriptor.ts';
import { isTelephonyDevice, lampReport, readField, telephonyLayout } from '../../shared/headset/telephony-report-layout.ts';

const call: LiveCall = {
  id: 'c1', direction: 'inbound', state: 'ringing', displayName: '', number: '+302101234567',
  card: { match: 'none', number: '+302101234567', contact: null, recentCalls: [] },
  ring: 1, ringPhase: 'on', autoAnswerOnRing: 2, waiting: false, inviteAt: 0, answeredAt: null,
  endedAt: null, endedBy: null, endReason: null, error: null, problem: null, practice: false, hold: 'none', holdPending: null, holdSince: null, resumedAt: null, transferCount: 0, transferring: null, consultFor: null, handoff: null,
};
const ringing = [call];
const active = [{ ...call, state: 'active' as const, answeredAt: 1 }];
const state = { absolute: true };
const press = { absolute: false };

describe('headset report layout', () => {
  const layout = telephonyLayout(JABRA_LIKE_COLLECTIONS);

  it('finds the call buttons where the descriptor puts them, past arrays, padding and ranges', () => {
    expect(isTelephonyDevice(JABRA_LIKE_COLLECTIONS)).toBe(true);
    expect(isTelephonyDevice([{ usagePage: 0x01 }])).toBe(false);
    expect(layout.buttons).toEqual({
      hookSwitch: { reportId: 3, bitOffset: 0, bitSize: 1, absolute: true },
      phoneMute: { reportId: 3, bitOffset: 1, bitSize: 1, absolute: false },
      flash: { reportId: 3, bitOffset: 2, bitSize: 1, absolute: true },
      drop: { reportId: 3, bitOffset: 10, bitSize: 1, absolute: true },
    });
  });

  it('reads a button from a report, and writes the lamps into the output report that has them', () => {
    const report = new DataView(new Uint8Array([0b0000_0101, 0b0000_0100]).buffer);
    expect(readField(report, layout.buttons.hookSwitch!)).toBe(1);
    expect(readField(report, layout.buttons.phoneMute!)).toBe(0);
    expect(readField(report, layout.buttons.drop!)).toBe(1);
    expect(readField(new DataView(new ArrayBuffer(1)), layout.buttons.drop!)).toBe(0);
    expect(layout.outputs).toHaveLength(1);
    expect(layout.outputs[0]!.reportId).toBe(2);
    expect([...lampReport(layout.outputs[0]!, { offHook: true, hold: true })]).toEqual([0b1001]);
    expect([...lampReport(layout.outputs[0]!, { ring: true, mute: true })]).toEqual([0b0110]);
  });
});

describe('headset buttons', () => {
  it('lifting the hook switch answers the ringing call; putting it down hangs up', () => {
    expect(headsetCommand('hookSwitch', state, 0, 1, ringing)).toEqual({ kind: 'answer', callId: 'c1' });
    expect(headsetCommand('hookSwitch', state, 1, 0, active)).toEqual({ kind: 'hangup', callId: 'c1' });
    // Already off-hook with the call up: nothing to do.
    expect(headsetCommand('hookSwitch', state, 0, 1, active)).toBeNull();
    expect(headsetCommand('hookSwitch', state, 1, 0, [])).toBeNull();
  });

  it('a hook button that toggles answers on one press and hangs up on the next, ignoring releases', () => {
    expect(headsetCommand('hookSwitch', press, 0, 1, ringing)).toEqual({ kind: 'answer', callId: 'c1' });
    expect(headsetCommand('hookSwitch', press, 1, 0, active)).toBeNull();
    expect(headsetCommand('hookSwitch', press, 0, 1, active)).toEqual({ kind: 'hangup', callId: 'c1' });
  });

  it('mute, flash/hold and drop act on the live call when pressed', () => {
    expect(headsetCommand('phoneMute', press, 0, 1, active)).toEqual({ kind: 'toggle-mute', callId: 'c1' });
    expect(headsetCommand('phoneMute', press, 1, 0, active)).toBeNull();
    expect(headsetCommand('phoneMute', press, 0, 1, ringing)).toBeNull();
    expect(headsetCommand('flash', state, 0, 1, active)).toEqual({ kind: 'toggle-hold', callId: 'c1' });
    expect(headsetCommand('hold', state, 0, 1, [{ ...active[0]!, hold: 'local' }])).toEqual({ kind: 'toggle-hold', callId: 'c1' });
    expect(headsetCommand('drop', state, 0, 1, active)).toEqual({ kind: 'hangup', callId: 'c1' });
    expect(headsetCommand('drop', state, 0, 1, ringing)).toBeNull();
  });

  it('during a warm transfer the buttons act on the consult call, not the caller on hold', () => {
    const caller = { ...active[0]!, hold: 'local' as const };
    const consult = { ...active[0]!, id: 'c2', direction: 'outbound' as const, consultFor: 'c1' };
    expect(headsetCommand('hookSwitch', state, 1, 0, [caller, consult])).toEqual({ kind: 'hangup', callId: 'c2' });
  });

  it('the lamps show ringing, off-hook, mute and hold', () => {
    expect(headsetLamps(ringing, {})).toEqual({ offHook: false, ring: true, mute: false, hold: false });
    expect(headsetLamps(active, { c1: true })).toEqual({ offHook: true, ring: false, mute: true, hold: false });
    expect(headsetLamps([{ ...active[0]!, hold: 'both' }], {})).toEqual({ offHook: true, ring: false, mute: false, hold: true });
    expect(headsetLamps([{ ...call, state: 'ended' }], {})).toEqual({ offHook: false, ring: false, mute: false, hold: false });
  });
});
