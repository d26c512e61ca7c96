import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import type { SettingsView } from '../../shared/ipc/settings.ts';
import { coreConnected, coreDisconnected } from '../core/core-connection.ts';
import { loopbackCore, type ReceivedCall } from '../core/loopback-core.test-support.ts';
import { useAppStore } from '../state/app-store.ts';
import {
  answer,
  attachCallMedia,
  blindTransfer,
  callBack,
  cancelTransfer,
  completeTransfer,
  consult,
  decline,
  dial,
  hangUp,
  pauseRecording,
  promiseCallBack,
  record,
  sendTone,
  setMuted,
  startPracticeCall,
  takeBack,
  toggleHold,
  type CallMedia,
} from './call-actions.ts';

const empty = () => ({});
const transferred = () => ({ result: 'completed' as const });
let received: ReceivedCall[];

const call = (over: Partial<LiveCall> = {}) =>
  ({ id: 'c1', number: '+302101234567', displayName: 'Caller ID name', hold: 'none', holdPending: null, card: { number: '2101234567', contact: null }, ...over }) as LiveCall;

/** Lets the loopback deliver every request the actions sent, then the requests the core got. */
async function sent(count: number): Promise<ReceivedCall[]> {
  await vi.waitFor(() => expect(received).toHaveLength(count));
  return received;
}

describe('call actions', () => {
  beforeEach(() => {
    const core = loopbackCore({
      'phone.answer': empty,
      'phone.decline': empty,
      'phone.hangup': empty,
      'phone.hold': empty,
      'phone.dial': ({ target }) => ({ callId: `to-${target}` }),
      'phone.dtmf': () => ({ via: 'media' as const }),
      'phone.blindTransfer': transferred,
      'phone.consult': () => ({ consultCallId: 'c2' }),
      'phone.completeTransfer': transferred,
      'phone.cancelTransfer': empty,
      'recordings.pause': empty,
      'tasks.callBack': () => ({ callId: 'c9' }),
      'practice.start': () => ({ scenarioId: 'new-client', locale: 'en' as const, callerName: 'Maria' }),
      'tasks.create': (task) => ({ ...task, id: 't1', createdAt: 1, dueAt: 2, status: 'open', originId: task.originId ?? null, callbackCallId: null, doneAt: null }),
    });
    received = core.received;
    coreConnected(core.peer);
    useAppStore.setState({ notices: [], muted: {}, recordingPaused: {}, scriptCaptures: {}, settings: null });
  });
  afterEach(() => coreDisconnected('test over'));

  it('send what the call buttons, the call-back task and the practice button ask for, to the call named', async () => {
    answer('c1');
    decline('c2');
    hangUp('c3');
    dial('203');
    sendTone('c1', '#');
    callBack('t1');
    startPracticeCall();
    expect(await sent(7)).toEqual([
      { method: 'phone.answer', params: { callId: 'c1' } },
      { method: 'phone.decline', params: { callId: 'c2' } },
      { method: 'phone.hangup', params: { callId: 'c3' } },
      { method: 'phone.dial', params: { target: '203' } },
      { method: 'phone.dtmf', params: { callId: 'c1', tones: '#' } },
      { method: 'tasks.callBack', params: { taskId: 't1' } },
      { method: 'practice.start', params: {} },
    ]);
  });

  it('hold resumes a call held here, holds one that is not (or held only by the other side), and waits while the last is on its way', async () => {
    toggleHold(call({ hold: 'none' }));
    toggleHold(call({ hold: 'remote' }));
    toggleHold(call({ hold: 'local' }));
    toggleHold(call({ hold: 'both' }));
    toggleHold(call({ hold: 'local', holdPending: 'resume' }));
    toggleHold(call({ hold: 'none', holdPending: 'hold' }));
    expect((await sent(4)).map((r) => r.params)).toEqual([
      { callId: 'c1', on: true },
      { callId: 'c1', on: true },
      { callId: 'c1', on: false },
      { callId: 'c1', on: false },
    ]);
  });

  it('transfer blind or warm with the note, put through, go back to the caller, or take a caller back after a failed blind transfer', async () => {
    const note = { callerName: 'Eleni', organization: 'Acme', callerNumber: '2101234567', reason: 'Invoice', discussed: '', from: 'Anna' };
    blindTransfer('c1', '203');
    consult('c1', '204', note);
    completeTransfer('c1');
    cancelTransfer('c1');
    takeBack('c1');
    expect(await sent(5)).toEqual([
      { method: 'phone.blindTransfer', params: { callId: 'c1', target: '203' } },
      { method: 'phone.consult', params: { callId: 'c1', target: '204', note } },
      { method: 'phone.completeTransfer', params: { callId: 'c1' } },
      { method: 'phone.cancelTransfer', params: { callId: 'c1' } },
      { method: 'phone.hold', params: { callId: 'c1', on: false } },
    ]);
  });

  it('a promised call-back becomes a task for the name the script captured, owned by this desk, and says when it is due', async () => {
    useAppStore.setState({
      settings: { settings: { account: { displayName: 'Anna' }, callbacks: { promiseMinutes: 10 } } } as SettingsView,
      scriptCaptures: { c1: { name: 'Eleni Papadopoulou' } },
    });
    await promiseCallBack(call());
    expect(received).toEqual([
      {
        method: 'tasks.create',
        params: { source: 'promise', name: 'Eleni Papadopoulou', number: '2101234567', due: { urgency: 'promise' }, owner: 'Anna', note: '', originId: 'c1' },
      },
    ]);
    expect(useAppStore.getState().notices.map((n) => n.message)).toEqual(['Call-back task saved: due in 10 minutes.']);
  });

  it('mute, record and pause go to this window’s audio; the screen follows only what the audio did, and the core keeps the pause', async () => {
    const asked: string[] = [];
    const media: CallMedia = {
      record: (callId, on) => void asked.push(`record ${callId} ${on}`),
      setMuted: (callId, muted) => (asked.push(`mute ${callId} ${muted}`), callId === 'c1'),
      pauseRecording: (callId, paused) => (asked.push(`pause ${callId} ${paused}`), callId === 'c1'),
    };
    attachCallMedia(media);
    record('c1', true);
    setMuted('c1', true);
    setMuted('gone', true);
    pauseRecording('gone', true);
    pauseRecording('c1', true);

    expect(asked).toEqual(['record c1 true', 'mute c1 true', 'mute gone true', 'pause gone true', 'pause c1 true']);
    expect(useAppStore.getState().muted).toEqual({ c1: true });
    expect(useAppStore.getState().recordingPaused).toEqual({ c1: true });
    expect(await sent(1)).toEqual([{ method: 'recordings.pause', params: { callId: 'c1', paused: true } }]);
  });
});
