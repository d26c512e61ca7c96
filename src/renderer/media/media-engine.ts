import type { Handlers } from '../../shared/ipc/rpc-protocol.ts';
import type { MediaMethods } from '../../shared/ipc/api.ts';
import { defaultSettings, type ConsentSettings, type DeviceSettings, type RecordingPolicy } from '../../shared/ipc/settings.ts';
import type { RecordingState } from '../state/app-store.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import type { RecorderSink } from './call-recorder.ts';
import { PRACTICE_CALLER_SESSION_PREFIX, type DeadMediaReason } from '../../shared/ipc/media.ts';
import { PeerSession } from './peer-session.ts';
import { PracticeCaller } from './practice-caller.ts';
import { RingtonePlayer, type RingMode } from './ringtone-player.ts';

export interface MediaEngine {
  /** Answers the core's media.* requests. */
  handlers: Handlers<MediaMethods>;
  setDevices(devices: DeviceSettings): void;
  setRinging(mode: RingMode): void;
  setRecordingPolicy(policy: RecordingPolicy): void;
  setConsent(consent: ConsentSettings): void;
  /** On-demand recording: the person's Record / Stop button. */
  record(callId: string, on: boolean): void;
  /** Returns whether a recording was there to pause or resume. */
  pauseRecording(callId: string, paused: boolean): boolean;
  /** Mutes or unmutes the desk's microphone on a call; returns whether the call was there. */
  setMuted(callId: string, muted: boolean): boolean;
  /**
   * The core (perhaps a new one, after the main side restarted) has only these calls: the audio
   * of any other is a call nobody can hang up any more, so it is closed.
   */
  keepOnly(calls: readonly Pick<LiveCall, 'id' | 'practice'>[]): void;
  dispose(): void;
}

/**
 * The renderer half of a call: main does the signalling and asks for SDP here; every call gets
 * its own PeerSession, created on the first request that names it.
 */
export interface MediaEngineDeps {
  onNotice(message: string): void;
  /** Where each call's recording goes (main writes it to disk). */
  recordingFor(callId: string): RecorderSink;
  onRecordingChange(callId: string, recording: RecordingState): void;
  /** The consent announcement was played to the caller (or could not be), before recording began. */
  onConsent(callId: string, played: boolean): void;
  /** Where the current announcement is fetched from. */
  announcementUrl(): string;
  /** Where a bundled file (a practice clip) is fetched from. */
  mediaUrl(path: string): string;
  /** A call's media died with the call still on (MediaLivenessWatch): the core ends the call. */
  onMediaDead(callId: string, reason: DeadMediaReason): void;
}

export function createMediaEngine(deps: MediaEngineDeps): MediaEngine {
  let devices: DeviceSettings = defaultSettings.devices;
  let recordingPolicy: RecordingPolicy = defaultSettings.recordingPolicy;
  let consent: ConsentSettings = defaultSettings.consent;
  const sessions = new Map<string, PeerSession>();
  const ringtone = new RingtonePlayer(deps.onNotice);
  /** Practice calls' simulated callers: the far end, in this same page. */
  const practiceCallers = new Map<string, PracticeCaller>();
  const practiceVoice = (streamId: string): MediaStream | null => [...practiceCallers.values()].find((c) => c.voice.id === streamId)?.voice ?? null;

  const session = (id: string): PeerSession => {
    let existing = sessions.get(id);
    if (!existing) {
      existing = new PeerSession(id, () => devices, deps.onNotice, {
        sink: deps.recordingFor(id),
        auto: recordingPolicy === 'all',
        onChange: (recording) => deps.onRecordingChange(id, recording),
        consent: () => consent,
        announcementUrl: deps.announcementUrl,
        onConsent: (played) => deps.onConsent(id, played),
      }, practiceVoice, (reason) => deps.onMediaDead(id, reason));
      sessions.set(id, existing);
    }
    return existing;
  };

  const isPracticeCaller = (id: string) => id.startsWith(PRACTICE_CALLER_SESSION_PREFIX);
  const practiceCaller = (id: string): PracticeCaller => {
    let existing = practiceCallers.get(id);
    if (!existing) {
      existing = new PracticeCaller();
      practiceCallers.set(id, existing);
    }
    return existing;
  };

  const handlers: Handlers<MediaMethods> = {
    'media.getDescription': async ({ sessionId, hold }) => ({
      sdp: isPracticeCaller(sessionId) ? await practiceCaller(sessionId).getDescription() : await session(sessionId).getDescription(hold),
    }),
    'media.setDescription': async ({ sessionId, sdp }) => {
      await (isPracticeCaller(sessionId) ? practiceCaller(sessionId) : session(sessionId)).setDescription(sdp);
      return {};
    },
    'media.prepare': ({ sessionId }) => {
      if (!isPracticeCaller(sessionId)) session(sessionId).prepare();
      return {};
    },
    'media.close': ({ sessionId }) => {
      sessions.get(sessionId)?.close();
      sessions.delete(sessionId);
      practiceCallers.get(sessionId)?.close();
      practiceCallers.delete(sessionId);
      return {};
    },
    'media.practiceSay': async ({ sessionId, path }) => {
      const caller = practiceCallers.get(sessionId);
      if (!caller) throw new Error('That practice call has ended');
      return { durationMs: await caller.say(deps.mediaUrl(path)) };
    },
    'media.sendDtmf': ({ sessionId, tones }) => ({ sent: sessions.get(sessionId)?.sendDtmf(tones) ?? false }),
  };

  return {
    handlers,
    setDevices(next) {
      devices = next;
      ringtone.setOutput(next.ringerId, next.ringerLabel);
    },
    setRinging(mode) {
      ringtone.setMode(mode);
    },
    setRecordingPolicy(policy) {
      recordingPolicy = policy;
    },
    setConsent(next) {
      consent = next;
    },
    pauseRecording(callId, paused) {
      return sessions.get(callId)?.pauseRecording(paused) ?? false;
    },
    setMuted(callId, muted) {
      const target = sessions.get(callId);
      target?.setMuted(muted);
      return target !== undefined;
    },
    keepOnly(calls) {
      const kept = new Set(calls.map((c) => c.id));
      for (const [id, peer] of sessions) {
        if (kept.has(id)) continue;
        peer.close();
        sessions.delete(id);
      }
      // A practice caller's session is not named after its call: it goes with the last practice call.
      if (calls.some((c) => c.practice)) return;
      for (const caller of practiceCallers.values()) caller.close();
      practiceCallers.clear();
    },
    record(callId, on) {
      if (on && recordingPolicy === 'never') return;
      sessions.get(callId)?.record(on);
    },
    dispose() {
      for (const s of sessions.values()) s.close();
      sessions.clear();
      for (const caller of practiceCallers.values()) caller.close();
      practiceCallers.clear();
      ringtone.dispose();
    },
  };
}
