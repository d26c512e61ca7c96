import { describe, expect, it } from 'vitest';
import { decodeHandoffNote, encodeHandoffNote, HANDOFF_MAX_ENCODED, type HandoffNote } from './handoff-note.ts';

const note: HandoffNote = {
  from: 'Мария (ресепшн)',
  callerName: 'Ελένη Παπαδοπούλου',
  organization: 'Ventura «Όλα»',
  callerNumber: '+30 210 123-4567',
  reason: 'Wants a quote for 12 windows',
  discussed: 'Budget about €3,000.\nPrefers white PVC.',
  transfers: 1,
};

describe('hand-off note', () => {
  it('travels as a header-safe value and arrives as it was sent, in any script', () => {
    const encoded = encodeHandoffNote(note);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeHandoffNote(encoded)).toEqual({ ...note, callerNumber: '+302101234567' });
  });

  it('arrives as text only: control characters, bidi overrides and CR/LF tricks are gone, line breaks kept', () => {
    const hostile = { ...note, callerName: 'Evil\u202Egnp.exe\r\nX-Injected: 1', discussed: '<script>alert(1)</script>\u0000\nsecond line' };
    const arrived = decodeHandoffNote(encodeHandoffNote(hostile))!;
    expect(arrived.callerName).toBe('Evilgnp.exe X-Injected: 1');
    expect(arrived.discussed).toBe('<script>alert(1)</script>\nsecond line');
  });

  it('refuses what is not a note: garbage, wrong shapes, broken UTF-8, oversize', () => {
    expect(decodeHandoffNote(undefined)).toBeNull();
    expect(decodeHandoffNote('not base64!')).toBeNull();
    expect(decodeHandoffNote(btoa('{"from": 3}').replace(/=+$/, ''))).toBeNull();
    expect(decodeHandoffNote(btoa('\xff\xfe').replace(/=+$/, ''))).toBeNull();
    expect(decodeHandoffNote('A'.repeat(HANDOFF_MAX_ENCODED + 1))).toBeNull();
    expect(() => encodeHandoffNote({ ...note, discussed: 'ж'.repeat(1200), reason: 'ж'.repeat(400), callerName: 'ж'.repeat(120) })).toThrow('too long');
  });
});
