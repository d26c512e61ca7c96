import { describe, expect, it } from 'vitest';
import { ACCESS_POLICY } from './access-policy.ts';
import { coreMethods } from './api.ts';

describe('the access policy', () => {
  it('names every method of the contract, and nothing else', () => {
    const methods = Object.keys(coreMethods).sort();
    expect(Object.keys(ACCESS_POLICY).sort()).toEqual(methods);
  });

  it('asks for the admin PIN for every export and retention method, cancelling an export too', () => {
    const adminOnly = Object.entries(ACCESS_POLICY).filter(([method]) => /^(export|retention)\./.test(method));
    expect(adminOnly.length).toBeGreaterThanOrEqual(6);
    for (const [method, who] of adminOnly) expect({ method, who }).toEqual({ method, who: 'admin' });
  });

  it('lets an agent see the scoring of their own call, and anyone else only as admin', () => {
    expect(ACCESS_POLICY['scoring.view']).toBe('agent-or-admin');
    expect('callId' in coreMethods['scoring.view'].params.shape).toBe(true);
  });
});
