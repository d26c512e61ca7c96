import { useAppStore } from '../state/app-store.ts';
import { answer, hangUp, setMuted, toggleHold } from '../phone/call-actions.ts';
import { headsetCommand, headsetLamps, type HeadsetCommand } from './headset-commands.ts';
import { WebHidHeadset } from './webhid-headset.ts';
import { errorText } from '../i18n/error-text.ts';

let chooser: (() => void) | null = null;

/** Asks the person to choose the headset whose buttons answer and hang up (needs a click; WebHID only). */
export function chooseHeadset(): void {
  chooser?.();
}

/**
 * Headset buttons answer, hang up, mute and hold the call on screen, and the headset's lamps
 * follow the calls. Where the browser has no WebHID, Settings says so and nothing else changes.
 */
export function connectHeadsetButtons(hid: HID | undefined): void {
  if (!hid) return;
  const headset = new WebHidHeadset(hid, {
    onButton: (button, field, previous, value) => {
      const command = headsetCommand(button, field, previous, value, useAppStore.getState().calls);
      if (command) run(command);
    },
    onConnected: (name) => useAppStore.setState({ headset: { supported: true, name } }),
  });
  const failed = (error: unknown) => useAppStore.getState().pushNotice('warning', errorText(error));
  chooser = () => void headset.choose().catch(failed);
  useAppStore.setState({ headset: { supported: true, name: null } });
  useAppStore.subscribe((state, previous) => {
    if (state.calls !== previous.calls || state.muted !== previous.muted) void headset.setLamps(headsetLamps(state.calls, state.muted));
  });
  headset.connectKnown().catch(failed);
}

function run(command: HeadsetCommand): void {
  const state = useAppStore.getState();
  const call = state.calls.find((c) => c.id === command.callId);
  switch (command.kind) {
    case 'answer':
      return answer(command.callId);
    case 'hangup':
      return hangUp(command.callId);
    case 'toggle-mute':
      return setMuted(command.callId, !state.muted[command.callId]);
    case 'toggle-hold':
      if (call) toggleHold(call);
  }
}
