import { z } from 'zod';

/**
 * Why a call or its transfer did not go as asked, as a code and details the window words in its
 * language. `detail` is the phone system's own answer ("486 Busy Here"), or '' when it gave none.
 */
export const callProblemSchema = z.object({
  code: z.enum(['transfer-refused', 'put-through-failed', 'consult-refused', 'call-failed', 'media-window-lost', 'media-window-back', 'media-window-gone']),
  params: z.object({ target: z.string(), detail: z.string() }),
});
export type CallProblem = z.infer<typeof callProblemSchema>;

/** The same in English, for the log and the call's `error`. */
export function callProblemInEnglish(problem: CallProblem): string {
  const { target, detail } = problem.params;
  const said = detail ? ` (${detail})` : '';
  switch (problem.code) {
    case 'transfer-refused':
      return `${target} did not take the call${said}: the caller is still with you.`;
    case 'put-through-failed':
      return `The caller could not be put through to ${target}${said}: both calls are still with you.`;
    case 'consult-refused':
      return `${target} did not take the call${said}: the caller is on hold — take them back.`;
    case 'call-failed':
      return `The call did not go through: ${detail}`.trim();
    case 'media-window-lost':
      return 'The Ringside window that carried this call closed: you and the caller cannot hear each other. Open Ringside again to get the call back.';
    case 'media-window-back':
      return 'The Ringside window that carried this call closed; the call is back in this window. The recording stopped when the window closed and goes on as a new recording.';
    case 'media-window-gone':
      return 'The Ringside window that carried this call closed and none came back in time: the call was ended so that the caller was not left in silence.';
  }
}
