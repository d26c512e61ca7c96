import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from './describe-issues.ts';

describe('validation problems in one line', () => {
  it('names the path of each problem, unknown keys by name, and the top level when there is no path', () => {
    const schema = z.strictObject({ ring: z.object({ answerOnRing: z.number().max(6, 'must be 1–6') }) });
    const nested = schema.safeParse({ ring: { answerOnRing: 9 }, colour: 'red' });
    expect(!nested.success && describeIssues(nested.error.issues)).toBe('ring.answerOnRing: must be 1–6; colour: unknown key');
    const top = z.string().safeParse(5);
    expect(!top.success && describeIssues(top.error.issues)).toMatch(/^\(top level\): /);
  });
});
