import { describe, expect, it } from 'vitest';
import { CALL_SCRIPT_VERSION, type CallScript, type ScriptStage } from './call-script.ts';
import { goToStage, setAnswer, stageTimes, startProgress, stepStage, toggleChecklistItem } from './call-progress.ts';

const stage = (id: string, kind: ScriptStage['kind']): ScriptStage => ({ id, kind, title: id, say: [], checklist: [], questions: [], hints: [] });
const script: CallScript = {
  version: CALL_SCRIPT_VERSION,
  id: 'sales',
  name: 'Sales',
  locale: 'en',
  description: '',
  stages: [stage('hello', 'greeting'), stage('need', 'request'), stage('clarify', 'clarifying'), stage('bye', 'goodbye'), stage('angry', 'angry-caller')],
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
    expect(stepStage(script, p, 1, 6000).currentStage).toBe('angry');
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
});
