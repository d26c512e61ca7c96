import { z } from 'zod';
import { branchStageKinds, mainStageKinds, type CallScript, type ScriptStage } from './call-script.ts';

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
  /** The main stage a branch (absent, angry caller, price) was opened from, to go back to; null on the main path. */
  returnTo: z.string().nullable().default(null),
});
export type CallProgress = z.infer<typeof callProgressSchema>;

export function answerKey(stageId: string, questionId: string): string {
  return `${stageId}.${questionId}`;
}

export function startProgress(script: CallScript, now: number): CallProgress {
  const first = script.stages[0]!.id;
  return { scriptId: script.id, currentStage: first, furthestStage: first, checklist: {}, answers: {}, stageMs: {}, enteredAt: now, returnTo: null };
}

/**
 * Moves to another stage, keeping the time spent where it was. Opening a branch from the main path
 * remembers where the call was, so the branch can lead back there; a branch opened from another
 * branch keeps that first place.
 */
export function goToStage(script: CallScript, progress: CallProgress, stageId: string, now: number): CallProgress {
  const target = script.stages.find((s) => s.id === stageId);
  if (stageId === progress.currentStage || !target) return progress;
  const stageMs = { ...progress.stageMs, [progress.currentStage]: (progress.stageMs[progress.currentStage] ?? 0) + Math.max(0, now - progress.enteredAt) };
  const returnTo = isBranch(target) ? (progress.returnTo ?? progress.currentStage) : null;
  return { ...progress, currentStage: stageId, furthestStage: further(script, progress.furthestStage, stageId), stageMs, enteredAt: now, returnTo };
}

/**
 * The next or previous stage of the main path. It stops at the last main stage (goodbye): the
 * branches come after it in the file but are reached only by their own buttons. In a branch there
 * is no next or previous: the way out is back to where the call was (returnFromBranch).
 */
export function stepStage(script: CallScript, progress: CallProgress, direction: 1 | -1, now: number): CallProgress {
  const main = script.stages.filter((s) => !isBranch(s));
  const index = main.findIndex((s) => s.id === progress.currentStage);
  const target = index < 0 ? undefined : main[index + direction];
  return target ? goToStage(script, progress, target.id, now) : progress;
}

/** The main stage a branch on screen leads back to; null on the main path. */
export function branchReturnStage(script: CallScript, progress: CallProgress): ScriptStage | null {
  const current = script.stages.find((s) => s.id === progress.currentStage);
  if (!current || !isBranch(current)) return null;
  const back = script.stages.find((s) => s.id === progress.returnTo && !isBranch(s));
  return back ?? script.stages.find((s) => !isBranch(s)) ?? null;
}

/** Leaves a branch for the stage the call was at when it was opened. */
export function returnFromBranch(script: CallScript, progress: CallProgress, now: number): CallProgress {
  const back = branchReturnStage(script, progress);
  return back ? goToStage(script, progress, back.id, now) : progress;
}

function isBranch(stage: ScriptStage): boolean {
  return (branchStageKinds as readonly string[]).includes(stage.kind);
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
