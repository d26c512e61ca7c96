import { z } from 'zod';
import { scriptLocaleSchema } from './call-script.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes');

/** One thing the simulated caller says, then the pause in which the agent answers. */
export const practiceLineSchema = z.object({
  id,
  /** What the clip says, for the screen after the call and for making the clip. */
  text: z.string().trim().min(1).max(500),
  pauseAfterMs: z.number().int().min(0).max(60_000),
});
export type PracticeLine = z.infer<typeof practiceLineSchema>;

/**
 * A practice call: a simulated caller who follows one of the shipped scripts, speaking bundled
 * clips (resources/practice/<id>.<locale>/<line id>.ogg) with pauses for the agent.
 */
export const practiceScenarioSchema = z.object({
  version: z.literal(1),
  id,
  /** The script it rehearses. */
  scriptId: id,
  locale: scriptLocaleSchema,
  caller: z.object({
    displayName: z.string().trim().min(1).max(100),
    /** A number no office would have on file: the card starts as a new caller's. */
    number: z.string().regex(/^\+?[0-9]{3,20}$/),
  }),
  /** Before the first line: the agent's greeting. */
  firstPauseMs: z.number().int().min(0).max(60_000),
  lines: z.array(practiceLineSchema).min(1).max(40),
});
export type PracticeScenario = z.infer<typeof practiceScenarioSchema>;

/** Where a line's clip is served from (media path, relative to the practice folder). */
export function practiceClipPath(scenario: Pick<PracticeScenario, 'id' | 'locale'>, lineId: string): string {
  return `practice/${scenario.id}.${scenario.locale}/${lineId}.ogg`;
}
