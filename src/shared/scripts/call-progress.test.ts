import { describe, expect, it } from 'vitest';
import { CALL_SCRIPT_VERSION, type CallScript, type ScriptStage } from './call-script.ts';
import { branchReturnStage, callProgressSchema, goToStage, returnFromBranch, setAnswer, stageTimes, startProgress, stepStage, toggleChecklistItem } from './call-progress.ts';

const stage = (id: string, kind: ScriptStage['kind']): ScriptStage => ({ id, kind, title: id, say: [], checklist: [], questions: [], hints: [] });
const script: CallScript = {
  version: CALL_SCRIPT_VERSION,
  id: 'sales',
  name: 'Sales',
  locale: 'en',
  description: '',
  stages: [stage('hello', 'greeting'), stage('need', 'request'), stage('clarify', 'clarifying'), stage('bye', 'goodbye'), stage('angry', 'angry-caller'), stage('price', 'price-question')],
  faq: [],
  objections: [],
};

describe('call progress through a script', () => {
  it('steps through the stages, keeping the time spent in each (fake clock)', () => {
    let p = startProgress(script, 1000);
    p = stepStage(script, p, 1, 4000);
    p = stepStage(script, p, 1, 10_000);
    p = stepStage(script, p, -1, 11_000);
    expect(p.currentStage).toBe('need');
    expect(stageTimes(p, 15_000)).toEqual({ hello: 3000, need: 6000 + 4000, clarify: 1000 });
    expect(p.furthestStage).toBe('clarify');
  });

  it('jumps to a branch and back without counting the branch as progress', () => {
    let p = startProgress(script, 0);
    p = goToStage(script, p, 'angry', 2000);
    expect(p.furthestStage).toBe('hello');
    p = goToStage(script, p, 'bye', 5000);
    expect(p.furthestStage).toBe('bye');
    expect(goToStage(script, p, 'no-such-stage', 7000)).toBe(p);
  });

  it('ticks and unticks checklist items and keeps answers per stage and question', () => {
    let p = startProgress(script, 0);
    p = toggleChecklistItem(p, 'hello', 'own-name');
    p = toggleChecklistItem(p, 'hello', 'company');
    p = toggleChecklistItem(p, 'hello', 'own-name');
    expect(p.checklist).toEqual({ hello: ['company'] });
    p = setAnswer(p, 'need', 'budget', '5 000 €');
    p = setAnswer(p, 'need', 'source', 'Рекомендация');
    expect(p.answers).toEqual({ 'need.budget': '5 000 €', 'need.source': 'Рекомендация' });
  });

  it('Next stops at the last main stage and never walks into the branches after it', () => {
    let p = startProgress(script, 0);
    for (let i = 0; i < 6; i += 1) p = stepStage(script, p, 1, i * 1000);
    expect(p.currentStage).toBe('bye');
    expect(stepStage(script, p, 1, 9000)).toBe(p);
  });

  it('a branch leads back to the stage the call was at when it was opened, even through another branch', () => {
    let p = stepStage(script, startProgress(script, 0), 1, 1000);
    p = goToStage(script, p, 'angry', 2000);
    expect(branchReturnStage(script, p)?.id).toBe('need');
    expect(stepStage(script, p, 1, 2500)).toBe(p);
    p = goToStage(script, p, 'price', 3000);
    expect(branchReturnStage(script, p)?.id).toBe('need');
    p = returnFromBranch(script, p, 4000);
    expect(p.currentStage).toBe('need');
    expect(p.returnTo).toBeNull();
    expect(branchReturnStage(script, p)).toBeNull();
    expect(stageTimes(p, 4000)).toEqual({ hello: 1000, need: 1000, angry: 1000, price: 1000 });
  });

  it('reads progress saved before branches remembered their way back', () => {
    const { returnTo: _, ...older } = goToStage(script, startProgress(script, 0), 'angry', 1000);
    const parsed = callProgressSchema.parse(older);
    expect(parsed.returnTo).toBeNull();
    expect(returnFromBranch(script, parsed, 2000).currentStage).toBe('hello');
  });
});
