import type { z } from 'zod';

/**
 * Validation problems as one line a person can act on: "ringPolicy.answerOnRing: must be 1–6 or
 * null; web.colour: unknown key". Used for config files, settings, API parameters and commands.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${[...issue.path, key].join('.')}: unknown key`).join('; ');
      return `${issue.path.join('.') || '(top level)'}: ${issue.message}`;
    })
    .join('; ');
}
