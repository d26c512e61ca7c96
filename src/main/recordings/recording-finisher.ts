import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../../shared/logger.ts';
import type { RecordingPauses } from './recording-pauses.ts';
import type { RecordingStore } from './recording-store.ts';

/** A call that has ended waits this long for its window's last chunk (a window that went with the call sends none). */
export const RECORDING_GRACE_MS = 5000;

export interface RecordingFinisher {
  /** The window's recorder stopped (the call ended, Stop was pressed, or a chunk failed) and its last chunk is in. */
  lastChunkIn(callId: string): Promise<void>;
  /** The call has ended: what is still open is finished once the grace has passed. */
  callEnded(callId: string): void;
  /** The window carrying the call went away: what it sent is finished at once (a window that takes the call back records anew). */
  windowLost(callId: string): Promise<void>;
  dispose(): void;
}

/**
 * Main decides when a call's recording is complete: when the window says its recorder's last
 * chunk is in, or, for a call that has ended, after a grace if that never comes. A paused
 * recording is resumed first, so the pause's span ends where the audio does.
 */
export function createRecordingFinisher(deps: {
  clock: Clock;
  log: Logger;
  recordings: Pick<RecordingStore, 'finish' | 'isOpen'>;
  pauses: Pick<RecordingPauses, 'resume'>;
  finished(callId: string): void;
}): RecordingFinisher {
  const graces = new Map<string, unknown>();

  const finish = async (callId: string) => {
    if (!deps.recordings.isOpen(callId)) return;
    await deps.pauses.resume(callId);
    // Another finish (the grace and the last chunk together) may have closed it meanwhile.
    if (!deps.recordings.isOpen(callId)) return;
    await deps.recordings.finish(callId);
    deps.finished(callId);
  };
  const finishLogged = (callId: string) => finish(callId).catch((error: unknown) => deps.log.error('Finishing a recording failed', { callId, error: String(error) }));

  return {
    lastChunkIn: finish,
    callEnded(callId) {
      if (graces.has(callId)) return;
      graces.set(
        callId,
        deps.clock.setTimeout(() => {
          graces.delete(callId);
          void finishLogged(callId);
        }, RECORDING_GRACE_MS),
      );
    },
    windowLost: async (callId) => {
      await finishLogged(callId);
    },
    dispose() {
      for (const handle of graces.values()) deps.clock.clearTimeout(handle);
      graces.clear();
    },
  };
}
