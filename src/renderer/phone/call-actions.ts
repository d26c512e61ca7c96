import type { CoreMethods } from '../../shared/ipc/api.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import type { ParamsOf } from '../../shared/ipc/rpc-protocol.ts';
import { runAction } from '../core/core-connection.ts';
import { i18n } from '../i18n/i18n.ts';
import type { MediaEngine } from '../media/media-engine.ts';
import { useAppStore } from '../state/app-store.ts';
import { isHeldHere } from './primary-call.ts';

/**
 * What the call buttons, their keys and the headset's buttons do, in one place: components only
 * show the call and call these. Signalling goes to the core; mute and recording go to this
 * window's audio, which main.tsx hands over once the media engine exists.
 */
export type CallMedia = Pick<MediaEngine, 'record' | 'setMuted' | 'pauseRecording'>;

let media: CallMedia | null = null;

export function attachCallMedia(engine: CallMedia): void {
  media = engine;
}

export function answer(callId: string): void {
  void runAction((api) => api.call('phone.answer', { callId }));
}

export function decline(callId: string): void {
  void runAction((api) => api.call('phone.decline', { callId }));
}

export function hangUp(callId: string): void {
  void runAction((api) => api.call('phone.hangup', { callId }));
}

/** Places an outgoing call; a live call on screen makes it wait. */
export function dial(target: string): void {
  void runAction((api) => api.call('phone.dial', { target }));
}

/** One click on a call-back task: calls the number back, and the core links the new call to the task. */
export function callBack(taskId: string): void {
  void runAction((api) => api.call('tasks.callBack', { taskId }));
}

/** Rehearsal with a simulated caller: works with no PBX, kept out of statistics. */
export function startPracticeCall(): void {
  void runAction((api) => api.call('practice.start', {}));
}

/** Hold or Resume, whichever the call is not; nothing while the last one is still on its way. */
export function toggleHold(call: Pick<LiveCall, 'id' | 'hold' | 'holdPending'>): void {
  if (call.holdPending !== null) return;
  void runAction((api) => api.call('phone.hold', { callId: call.id, on: !isHeldHere(call) }));
}

/** One keypad key as a DTMF tone to the other side. */
export function sendTone(callId: string, key: string): void {
  void runAction((api) => api.call('phone.dtmf', { callId, tones: key }));
}

export function blindTransfer(callId: string, target: string): void {
  void runAction((api) => api.call('phone.blindTransfer', { callId, target }));
}

/** Warm transfer: the caller waits on hold while the colleague is called with the hand-off note. */
export function consult(callId: string, target: string, note: ParamsOf<CoreMethods, 'phone.consult'>['note']): void {
  void runAction((api) => api.call('phone.consult', { callId, target, note }));
}

export function completeTransfer(callId: string): void {
  void runAction((api) => api.call('phone.completeTransfer', { callId }));
}

/** Back to the caller waiting for a warm transfer: the consult call ends. */
export function cancelTransfer(callId: string): void {
  void runAction((api) => api.call('phone.cancelTransfer', { callId }));
}

/** A blind transfer that failed left the caller on hold here: take them back. */
export function takeBack(callId: string): void {
  void runAction((api) => api.call('phone.hold', { callId, on: false }));
}

/** R22: "I will call you back in 10–15 minutes" — a task, due then, so the promise is kept. */
export async function promiseCallBack(call: LiveCall): Promise<void> {
  const { scriptCaptures, settings, pushNotice } = useAppStore.getState();
  const captured = scriptCaptures[call.id];
  const task = await runAction((api) =>
    api.call('tasks.create', {
      source: 'promise',
      name: captured?.name || call.card.contact?.name || call.displayName,
      number: call.card.number || call.number,
      due: { urgency: 'promise' },
      owner: settings?.settings.account.displayName ?? '',
      note: '',
      originId: call.id,
    }),
  );
  if (task) pushNotice('info', i18n.t('tasks.promised', { minutes: settings?.settings.callbacks.promiseMinutes ?? 15 }));
}

/** Mutes or unmutes this desk's microphone on the call; the bar shows it once the audio did it. */
export function setMuted(callId: string, muted: boolean): void {
  if (media?.setMuted(callId, muted)) useAppStore.setState((s) => ({ muted: { ...s.muted, [callId]: muted } }));
}

/** On-demand recording: the Record / Stop button. */
export function record(callId: string, on: boolean): void {
  media?.record(callId, on);
}

/** Pauses or resumes the call's recording (silence is recorded meanwhile); the core keeps the mark. */
export function pauseRecording(callId: string, paused: boolean): void {
  if (!media?.pauseRecording(callId, paused)) return;
  useAppStore.setState((s) => ({ recordingPaused: { ...s.recordingPaused, [callId]: paused } }));
  void runAction((api) => api.call('recordings.pause', { callId, paused }));
}
