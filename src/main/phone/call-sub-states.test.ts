import { describe, expect, it } from 'vitest';
import { IllegalSubStateTransitionError, transitionHoldRequest, transitionRelease, transitionTransfer, transitionWaiting, type Transfer } from './call-sub-states.ts';

const none: Transfer = { kind: 'none' };
const blind: Transfer = { kind: 'blind', target: '102' };
const placing: Transfer = { kind: 'placing-consult', target: '102', transferId: 't1' };
const consulting: Transfer = { kind: 'consulting', target: '102', transferId: 't1', consultId: 'c2' };

describe('call sub-states', () => {
  it('release: hung up here or handed over, once; a hang-up may still be overtaken by a completed transfer', () => {
    expect(transitionRelease('none', 'hung-up-here')).toBe('hung-up-here');
    expect(transitionRelease('none', 'handed-over')).toBe('handed-over');
    expect(transitionRelease('hung-up-here', 'handed-over')).toBe('handed-over');
    expect(() => transitionRelease('handed-over', 'hung-up-here')).toThrow(IllegalSubStateTransitionError);
    expect(() => transitionRelease('hung-up-here', 'none')).toThrow('Illegal release transition hung-up-here → none');
    expect(() => transitionRelease('hung-up-here', 'hung-up-here')).toThrow(IllegalSubStateTransitionError);
  });

  it('hold request: one hold or resume at a time, back to idle when answered', () => {
    expect(transitionHoldRequest('idle', 'hold-pending')).toBe('hold-pending');
    expect(transitionHoldRequest('idle', 'resume-pending')).toBe('resume-pending');
    expect(transitionHoldRequest('hold-pending', 'idle')).toBe('idle');
    expect(transitionHoldRequest('resume-pending', 'idle')).toBe('idle');
    expect(() => transitionHoldRequest('hold-pending', 'resume-pending')).toThrow('Illegal hold request transition hold-pending → resume-pending');
    expect(() => transitionHoldRequest('idle', 'idle')).toThrow(IllegalSubStateTransitionError);
  });

  it('transfer: blind or warm, never both; a consult is placed before it is consulting', () => {
    expect(transitionTransfer(none, blind)).toBe(blind);
    expect(transitionTransfer(blind, none)).toBe(none);
    expect(transitionTransfer(none, placing)).toBe(placing);
    expect(transitionTransfer(placing, consulting)).toBe(consulting);
    expect(transitionTransfer(placing, none)).toBe(none);
    expect(transitionTransfer(consulting, none)).toBe(none);
    expect(() => transitionTransfer(none, consulting)).toThrow('Illegal transfer transition none → consulting');
    expect(() => transitionTransfer(blind, placing)).toThrow(IllegalSubStateTransitionError);
    expect(() => transitionTransfer(consulting, blind)).toThrow(IllegalSubStateTransitionError);
  });

  it('waiting: once a call has waited it stays so', () => {
    expect(transitionWaiting('never', 'has-waited')).toBe('has-waited');
    expect(() => transitionWaiting('has-waited', 'never')).toThrow(IllegalSubStateTransitionError);
  });
});
