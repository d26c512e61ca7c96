import type { Clock } from '../../shared/clock.ts';
import { stageTimes, type CallProgress } from '../../shared/scripts/call-progress.ts';
import type { CallProgressStore } from './call-progress-store.ts';

/** Where main last knew a call to be in its script: the stage, the time of the stages left, and when this one was entered. */
export type KnownStage = Pick<CallProgress, 'currentStage' | 'stageMs' | 'enteredAt'>;

/**
 * The time spent in each stage, counted by main's clock: the window reports which stage is on
 * screen, and the stage it left gets the time since it was entered. What the window sends as
 * times is not used.
 */
export function stampStageTimes(known: KnownStage, reported: CallProgress, now: number): CallProgress {
  if (known.currentStage === reported.currentStage) return { ...reported, stageMs: known.stageMs, enteredAt: known.enteredAt };
  return { ...reported, stageMs: stageTimes({ ...reported, ...known }, now), enteredAt: now };
}

/**
 * The progress store with main's stage times. Saves of one call run one after another, so each
 * stage change is counted from the one saved before it.
 */
export function createStageTimesClock(deps: {
  store: CallProgressStore;
  clock: Clock;
  /**
   * Before its first report a call is in its script's first stage (null: the script is not
   * there any more, so the stage reported), since it was answered (the panel opens then).
   */
  scriptStart(callId: string, scriptId: string): Promise<{ stageId: string | null; at: number }>;
}): CallProgressStore {
  const queues = new Map<string, Promise<void>>();
  const stamp = async (callId: string, progress: CallProgress) => {
    const saved = await deps.store.load(callId);
    const known = saved?.scriptId === progress.scriptId ? saved : await deps.scriptStart(callId, progress.scriptId).then(({ stageId, at }) => ({ currentStage: stageId ?? progress.currentStage, stageMs: {}, enteredAt: at }));
    await deps.store.save(callId, stampStageTimes(known, progress, deps.clock.now()));
  };
  return {
    save(callId, progress) {
      const saving = (queues.get(callId) ?? Promise.resolve()).then(() => stamp(callId, progress));
      const queued = saving.catch(() => undefined);
      queues.set(callId, queued);
      void queued.then(() => queues.get(callId) === queued && queues.delete(callId));
      return saving;
    },
    load: (callId) => deps.store.load(callId),
  };
}
