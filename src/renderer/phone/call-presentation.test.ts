import { describe, expect, it } from 'vitest';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { callProblemInEnglish, type CallProblem } from '../../shared/phone/call-problem.ts';
import { i18n } from '../i18n/i18n.ts';
import { callerName, callProblemText, formatDuration, ringModeFor } from './call-presentation.ts';
import { emptyContactProfile } from '../../shared/ipc/contacts.ts';

const base: LiveCall = {
  id: 'c1', direction: 'inbound', state: 'ringing', displayName: '', number: '+302101234567',
  card: { match: 'none', number: '+302101234567', contact: null, recentCalls: [] },
  ring: 1, ringPhase: 'on', autoAnswerOnRing: 2, waiting: false, inviteAt: 0, answeredAt: null,
  endedAt: null, endedBy: null, endReason: null, error: null, problem: null, practice: false, hold: 'none', holdPending: null, holdSince: null, resumedAt: null, transferCount: 0, transferring: null, consultFor: null, handoff: null,
};

describe('call presentation', () => {
  it('rings only while a ring sounds, and beeps for a waiting call', () => {
    expect(ringModeFor([base])).toBe('ring');
    expect(ringModeFor([{ ...base, ringPhase: 'off' }])).toBe('silent');
    expect(ringModeFor([{ ...base, state: 'active' }, { ...base, id: 'c2', waiting: true }])).toBe('waiting');
    expect(ringModeFor([])).toBe('silent');
  });

  it('prefers the contact name, then the display name, then the number as people write it in the region (GR before settings arrive)', () => {
    const contact = { id: 'x', name: 'Ελένη', organization: '', position: '', email: '', category: null, notes: '', phones: [], profile: emptyContactProfile, createdAt: 0, updatedAt: 0 };
    expect(callerName({ ...base, card: { ...base.card, contact } })).toBe('Ελένη');
    expect(callerName({ ...base, displayName: 'Reception' })).toBe('Reception');
    expect(callerName(base)).toBe('21 0123 4567');
    expect(callerName({ ...base, number: '' })).toBe('Unknown caller');
  });

  it('formats talk time', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('words a call problem in the window’s language, as the log says it in English', async () => {
    const problems: CallProblem[] = [
      { code: 'transfer-refused', params: { target: '203', detail: '486 Busy Here' } },
      { code: 'put-through-failed', params: { target: '102', detail: '' } },
      { code: 'consult-refused', params: { target: '102', detail: 'busy' } },
      { code: 'call-failed', params: { target: '+302101234567', detail: '503 Service Unavailable' } },
    ];
    for (const problem of problems) expect(callProblemText({ error: callProblemInEnglish(problem), problem })).toBe(callProblemInEnglish(problem));
    await i18n.changeLanguage('ru');
    expect(callProblemText({ error: 'x', problem: problems[0]! })).toBe('203 не принял звонок (486 Busy Here): абонент по-прежнему с вами.');
    await i18n.changeLanguage('en');
    expect(callProblemText({ error: 'The microphone could not be opened: x', problem: null })).toBe('The microphone could not be opened: x');
  });
});
