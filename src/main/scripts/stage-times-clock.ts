import type { Clock } from '../../shared/clock.ts';
import { stageTimes, type CallProgress } from '../../shared/scripts/call-progress.ts';
import type { CallProgressStore } from './call-progress-store.ts';

/**
 * The time spent in each stage, counted by main's clock: the window reports which stage is on
 * screen, and the stage it left gets the time since it was entered. What the window sends as
 * times is not used.
 */
export function stampStageTimes(saved: CallProgress | null, reported: CallProgress, now: number): CallProgress {
  if (!saved || saved.scriptId !== reported.scriptId) return { ...reported, stageMs: {}, enteredAt: now };
  if (saved.currentStage === reported.currentStage) return { ...reported, stageMs: saved.stageMs, enteredAt: saved.enteredAt };
  return { ...reported, stageMs: stageTimes(saved, now), enteredAt: now };
}

/**
 * The progress store with main's stage times. Saves of one call run one after another, so each
 * stage change is counted from the one saved before it.
 */
export function createStageTimesClock(deps: { store: CallProgressStore; clock: Clock }): CallProgressStore {
  const queues = new Map<string, Promise<void>>();
  return {
    save(callId, progress) {
      const saving = (queues.get(callId) ?? Promise.resolve()).then(async () => {
        const saved = await deps.store.load(callId);
        await deps.store.save(callId, stampStageTimes(saved, progress, deps.clock.now()));
      });
      const queued = saving.catch(() => undefined);
      queues.set(callId, queued);
      void queued.then(() => queues.get(callId) === queued && queues.delete(callId));
      return saving;
    },
    load: (callId) => deps.store.load(callId),
  };
}
