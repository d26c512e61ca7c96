import { z } from 'zod';
import { mainStageKinds, type CallScript } from './call-script.ts';

/**
 * Where a call is in its script: the stage on screen, the furthest stage of the main path
 * reached, ticked checklist items, answers, and the time spent in each stage. Saved with every
 * change, so a hang-up or a crash loses nothing already typed.
 */
export const callProgressSchema = z.object({
  scriptId: z.string(),
  currentStage: z.string(),
  furthestStage: z.string(),
  /** stage id → ticked checklist item ids */
  checklist: z.record(z.string(), z.array(z.string())),
  /** "stageId.questionId" → the answer as typed or chosen */
  answers: z.record(z.string(), z.string().max(2000)),
  /** stage id → ms spent in it, up to `enteredAt` of the current one */
  stageMs: z.record(z.string(), z.number()),
  /** When the current stage was entered (ms since the epoch). */
  enteredAt: z.number(),
});
export type CallProgress = z.infer<typeof callProgressSchema>;

export function answerKey(stageId: string, questionId: string): string {
  return `${stageId}.${questionId}`;
}

export function startProgress(script: CallScript, now: number): CallProgress {
  const first = script.stages[0]!.id;
  return { scriptId: script.id, currentStage: first, furthestStage: first, checklist: {}, answers: {}, stageMs: {}, enteredAt: now };
}

/** Moves to another stage (next, back or a jump to a branch), keeping the time spent where it was. */
export function goToStage(script: CallScript, progress: CallProgress, stageId: string, now: number): CallProgress {
  if (stageId === progress.currentStage || !script.stages.some((s) => s.id === stageId)) return progress;
  const stageMs = { ...progress.stageMs, [progress.currentStage]: (progress.stageMs[progress.currentStage] ?? 0) + Math.max(0, now - progress.enteredAt) };
  return { ...progress, currentStage: stageId, furthestStage: further(script, progress.furthestStage, stageId), stageMs, enteredAt: now };
}

/** The next or previous stage of the script's order (branches are reached by jumping). */
export function stepStage(script: CallScript, progress: CallProgress, direction: 1 | -1, now: number): CallProgress {
  const index = script.stages.findIndex((s) => s.id === progress.currentStage);
  const target = script.stages[index + direction];
  return target ? goToStage(script, progress, target.id, now) : progress;
}

export function toggleChecklistItem(progress: CallProgress, stageId: string, itemId: string): CallProgress {
  const ticked = progress.checklist[stageId] ?? [];
  const next = ticked.includes(itemId) ? ticked.filter((id) => id !== itemId) : [...ticked, itemId];
  return { ...progress, checklist: { ...progress.checklist, [stageId]: next } };
}

export function setAnswer(progress: CallProgress, stageId: string, questionId: string, value: string): CallProgress {
  return { ...progress, answers: { ...progress.answers, [answerKey(stageId, questionId)]: value } };
}

/** Time per stage including the stage on screen now. */
export function stageTimes(progress: CallProgress, now: number): Record<string, number> {
  return { ...progress.stageMs, [progress.currentStage]: (progress.stageMs[progress.currentStage] ?? 0) + Math.max(0, now - progress.enteredAt) };
}

/** Only the main path counts as progress: visiting the "angry caller" branch is not further. */
function further(script: CallScript, furthest: string, candidate: string): string {
  const rank = (id: string) => {
    const stage = script.stages.find((s) => s.id === id);
    return stage ? (mainStageKinds as readonly string[]).indexOf(stage.kind) : -1;
  };
  return rank(candidate) > rank(furthest) ? candidate : furthest;
}
