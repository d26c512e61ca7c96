import { describe, expect, it } from 'vitest';
import { suggestedAnswer, type CallSignals } from './call-signals.ts';
import { scorecardSchema, scoreOf, type Scorecard } from './scorecard.ts';

const card: Scorecard = {
  name: 'Test',
  items: [
    { id: 'greeting', rule: 'R2', text: 'Greeting', points: 2, critical: false, signal: null },
    { id: 'name', rule: 'R5', text: 'Name', points: 2, critical: false, signal: null },
    { id: 'hold', rule: 'R18, R19', text: 'Hold', points: 1, critical: false, signal: 'holdUnder60s' },
    { id: 'introduced', rule: 'R32', text: 'Introduced', points: 0, critical: true, signal: null },
  ],
};

describe('scoring a call', () => {
  it('scores met points over applicable points; not applicable items do not count', () => {
    expect(scoreOf(card, { greeting: 'yes', name: 'no', hold: 'na', introduced: 'yes' })).toEqual({ points: 2, maxPoints: 4, percent: 50, failedCritical: false, unanswered: 0 });
    expect(scoreOf(card, { greeting: 'yes', name: 'yes', hold: 'yes' })).toMatchObject({ percent: 100, unanswered: 1 });
    expect(scoreOf(card, {})).toMatchObject({ percent: null, unanswered: 4 });
  });

  it('fails the call on a serious error whatever the points (R32)', () => {
    expect(scoreOf(card, { greeting: 'yes', name: 'yes', hold: 'yes', introduced: 'no' })).toEqual({ points: 5, maxPoints: 5, percent: 0, failedCritical: true, unanswered: 0 });
  });

  it('refuses a card with a repeated item id or a malformed rule', () => {
    expect(scorecardSchema.safeParse({ ...card, items: [...card.items, card.items[0]] }).success).toBe(false);
    expect(scorecardSchema.safeParse({ ...card, items: [{ ...card.items[0], rule: '<b>' }] }).success).toBe(false);
    expect(scorecardSchema.safeParse(card).success).toBe(true);
  });
});

describe('what Ringside already knows suggests answers', () => {
  const call: CallSignals = { direction: 'inbound', rings: 2, holdMs: 0, transfers: 0, nextStepSet: true, endedBy: 'caller', furthestStage: null };
  it('answers from rings, hold, transfers, next step and who hung up, and leaves the rest to the listener', () => {
    expect(suggestedAnswer('answeredOnRing2or3', call)).toBe('yes');
    expect(suggestedAnswer('answeredOnRing2or3', { ...call, rings: 1 })).toBe('no');
    expect(suggestedAnswer('answeredOnRing2or3', { ...call, rings: 5 })).toBe('no');
    expect(suggestedAnswer('answeredOnRing2or3', { ...call, direction: 'outbound', rings: null })).toBe('na');
    expect(suggestedAnswer('holdUnder60s', call)).toBe('na');
    expect(suggestedAnswer('holdUnder60s', { ...call, holdMs: 61_000 })).toBe('no');
    expect(suggestedAnswer('holdUnder60s', { ...call, holdMs: 20_000 })).toBeNull();
    expect(suggestedAnswer('atMostTwoTransfers', call)).toBe('na');
    expect(suggestedAnswer('atMostTwoTransfers', { ...call, transfers: 2 })).toBe('yes');
    expect(suggestedAnswer('atMostTwoTransfers', { ...call, transfers: 3 })).toBe('no');
    expect(suggestedAnswer('nextStepSet', call)).toBe('yes');
    expect(suggestedAnswer('nextStepSet', { ...call, nextStepSet: false })).toBe('no');
    expect(suggestedAnswer('callerHungUpFirst', call)).toBe('yes');
    expect(suggestedAnswer('callerHungUpFirst', { ...call, endedBy: 'agent' })).toBe('no');
    expect(suggestedAnswer('callerHungUpFirst', { ...call, endedBy: 'system' })).toBeNull();
  });
});
