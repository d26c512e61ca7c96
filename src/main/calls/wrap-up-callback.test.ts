import { describe, expect, it } from 'vitest';
import type { CallRecord, WrapUp } from '../../shared/ipc/calls.ts';
import { callbackTaskFromWrapUp } from './wrap-up-callback.ts';

const call = (patch: Partial<CallRecord> = {}) =>
  ({ id: 'c1', remoteNumber: '22000000', remoteE164: '+35722000000', remoteDisplayName: 'CYTA caller', contactName: 'Anna Georgiou', practice: false, ...patch }) as CallRecord;
const wrapUp = (patch: Partial<WrapUp> = {}): WrapUp => ({ callId: 'c1', outcome: 'deferred', nextStepAt: 5000, nextStepWhat: 'Send the price list', nextStepWho: 'Maria', notes: '', ...patch });

describe('the call-back task a wrap-up makes', () => {
  it('is made for a next step with a time: due then, for whoever does it, to the number in E.164', () => {
    expect(callbackTaskFromWrapUp(call(), wrapUp())).toEqual({
      source: 'wrap-up',
      name: 'Anna Georgiou',
      number: '+35722000000',
      due: { at: 5000 },
      owner: 'Maria',
      note: 'Send the price list',
      originId: 'c1',
    });
  });

  it("names the caller as the network did when no contact is known, and keeps a number that is not E.164", () => {
    expect(callbackTaskFromWrapUp(call({ contactName: null, remoteE164: null, remoteNumber: '205' }), wrapUp())).toMatchObject({ name: 'CYTA caller', number: '205' });
  });

  it('is not made without a time, for a practice call, a call with no number, or a call not in the history', () => {
    expect(callbackTaskFromWrapUp(call(), wrapUp({ nextStepAt: null }))).toBeNull();
    expect(callbackTaskFromWrapUp(call({ practice: true }), wrapUp())).toBeNull();
    expect(callbackTaskFromWrapUp(call({ remoteNumber: '' }), wrapUp())).toBeNull();
    expect(callbackTaskFromWrapUp(null, wrapUp())).toBeNull();
  });
});
