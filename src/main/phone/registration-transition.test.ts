import { describe, expect, it } from 'vitest';
import { registrationStatusSchema } from '../../shared/ipc/phone.ts';
import { IllegalRegistrationTransitionError, isOnline, transitionRegistration } from './registration-transition.ts';

describe('registration transitions', () => {
  it('the flow of a desk: unconfigured, connecting, registered, lost, retried, registered again, account removed', () => {
    let status = transitionRegistration('unconfigured', 'connecting');
    for (const next of ['registered', 'registered', 'failed', 'connecting', 'failed', 'connecting', 'registered', 'unconfigured'] as const) {
      status = transitionRegistration(status, next);
    }
    expect(status).toBe('unconfigured');
  });

  it('never registered without an account; every state may go back to unconfigured, connecting or failed', () => {
    expect(() => transitionRegistration('unconfigured', 'registered')).toThrow(IllegalRegistrationTransitionError);
    expect(() => transitionRegistration('unconfigured', 'registered')).toThrow('Illegal registration transition unconfigured → registered');
    for (const from of registrationStatusSchema.options) {
      for (const to of ['unconfigured', 'connecting', 'failed'] as const) expect(transitionRegistration(from, to)).toBe(to);
    }
    expect(transitionRegistration('failed', 'registered')).toBe('registered');
  });

  it('requests go out on the account only while registered', () => {
    expect(registrationStatusSchema.options.filter((status) => isOnline(status))).toEqual(['registered']);
  });
});
