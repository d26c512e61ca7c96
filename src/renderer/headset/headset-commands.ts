import type { LiveCall } from '../../shared/ipc/phone.ts';
import { isHeldHere, isLive, primaryCall } from '../phone/primary-call.ts';
import type { HeadsetButton, HeadsetLamp, ReportField } from '../../shared/headset/telephony-report-layout.ts';

export type HeadsetCommand = { kind: 'answer' | 'hangup' | 'toggle-mute' | 'toggle-hold'; callId: string };

/**
 * What a change of one headset button asks for, given the calls. The hook switch is a state on
 * most headsets (lifting = off-hook answers, putting down = on-hook hangs up), which the headset
 * keeps only while the off-hook lamp says the call is up; on some it is a button whose every press
 * toggles. Mute, flash/hold and drop act when pressed, not when released.
 */
export function headsetCommand(button: HeadsetButton, field: Pick<ReportField, 'absolute'>, previous: number, value: number, calls: readonly LiveCall[]): HeadsetCommand | null {
  const primary = primaryCall(calls);
  const ringing = primary?.state === 'ringing' ? primary : null;
  const live = primary && isLive(primary) ? primary : null;
  const pressed = previous === 0 && value !== 0;
  const released = previous !== 0 && value === 0;
  switch (button) {
    case 'hookSwitch':
      if (pressed && ringing) return { kind: 'answer', callId: ringing.id };
      if (live && (field.absolute ? released : pressed)) return { kind: 'hangup', callId: live.id };
      return null;
    case 'phoneMute':
      return pressed && live ? { kind: 'toggle-mute', callId: live.id } : null;
    case 'flash':
    case 'hold':
      return pressed && live ? { kind: 'toggle-hold', callId: live.id } : null;
    case 'drop':
      return pressed && live ? { kind: 'hangup', callId: live.id } : null;
  }
}

/** The lamps that show the calls' state on the headset (and keep its hook switch in step). */
export function headsetLamps(calls: readonly LiveCall[], muted: Readonly<Record<string, boolean>>): Record<HeadsetLamp, boolean> {
  const primary = primaryCall(calls);
  const live = primary && isLive(primary) ? primary : null;
  return {
    offHook: live !== null,
    ring: primary?.state === 'ringing',
    mute: live !== null && muted[live.id] === true,
    hold: live !== null && isHeldHere(live),
  };
}
