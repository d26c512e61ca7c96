import { describe, expect, it } from 'vitest';
import { emptyContactProfile } from '../../shared/ipc/contacts.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { callAnnouncement } from './call-announcement.ts';

const ringing: LiveCall = {
  id: 'c1', direction: 'inbound', state: 'ringing', displayName: 'Reception', number: '+302101234567',
  card: { match: 'none', number: '+302101234567', contact: null, recentCalls: [] },
  ring: 1, ringPhase: 'on', autoAnswerOnRing: 2, waiting: false, inviteAt: 0, answeredAt: null,
  endedAt: null, endedBy: null, endReason: null, error: null, problem: null, practice: false, hold: 'none', holdPending: null, holdSince: null, resumedAt: null, transferCount: 0, transferring: null, consultFor: null, handoff: null,
};

describe('call announcement', () => {
  it('follows the call from ring to hang-up, named as the screen names the caller', () => {
    const contact = { id: 'x', name: 'Ελένη Παπαδοπούλου', organization: '', position: '', email: '', category: null, notes: '', phones: [], profile: emptyContactProfile, createdAt: 0, updatedAt: 0 };
    const known = { ...ringing, card: { ...ringing.card, match: 'number' as const, contact } };
    expect(callAnnouncement([])).toBeNull();
    expect(callAnnouncement([known])).toEqual({ kind: 'ringing', name: 'Ελένη Παπαδοπούλου' });
    expect(callAnnouncement([{ ...known, state: 'answering' }])).toEqual({ kind: 'on-call', name: 'Ελένη Παπαδοπούλου' });
    expect(callAnnouncement([{ ...known, state: 'active' }])).toEqual({ kind: 'on-call', name: 'Ελένη Παπαδοπούλου' });
    expect(callAnnouncement([{ ...known, state: 'active', hold: 'local' }])).toEqual({ kind: 'on-hold', name: 'Ελένη Παπαδοπούλου' });
    // Held by the other side: still on the call, as far as this desk is concerned.
    expect(callAnnouncement([{ ...known, state: 'active', hold: 'remote' }])).toEqual({ kind: 'on-call', name: 'Ελένη Παπαδοπούλου' });
    expect(callAnnouncement([{ ...known, state: 'ended', endedAt: 5 }])).toEqual({ kind: 'ended', name: 'Ελένη Παπαδοπούλου' });
    expect(callAnnouncement([{ ...ringing, direction: 'outbound', state: 'dialing', displayName: 'Nikos' }])).toEqual({ kind: 'calling', name: 'Nikos' });
  });

  it('is about the call being talked on, not the one waiting', () => {
    const talking = { ...ringing, state: 'active' as const, displayName: 'Maria' };
    const waiting = { ...ringing, id: 'c2', waiting: true, displayName: 'Nikos' };
    expect(callAnnouncement([waiting, talking])).toEqual({ kind: 'on-call', name: 'Maria' });
  });
});
