import { z } from 'zod';
import { sanitizeMultiline } from '../text/sanitize-multiline.ts';
import { placeholderNames, unknownPlaceholders } from './fill-placeholders.ts';

/** Bumped when the shape changes; older files are upgraded on import, newer ones refused. */
export const CALL_SCRIPT_VERSION = 1;

export const scriptLocaleSchema = z.enum(['en', 'ru', 'el']);
export type ScriptLocale = z.infer<typeof scriptLocaleSchema>;

/** The main path of a call, in order (R2–R26). */
export const mainStageKinds = ['greeting', 'request', 'clarifying', 'presenting', 'objections', 'next-step', 'goodbye'] as const;
/** Stages the person can jump to at any time: absent colleague (R7, R21), angry caller (R31), price (R13). */
export const branchStageKinds = ['absent', 'angry-caller', 'price-question'] as const;
export const stageKindSchema = z.enum([...mainStageKinds, ...branchStageKinds]);
export type StageKind = z.infer<typeof stageKindSchema>;

/** Client-card fields a question's answer is captured into (R8, R12, R28). */
export const cardFieldSchema = z.enum([
  'name',
  'organization',
  'position',
  'source',
  'values',
  'budget',
  'orderVolume',
  'orderFrequency',
  'decides',
  'otherDeciders',
  'doesNotWant',
  'solvedBefore',
  'temperature',
  'category',
]);
export type CardField = z.infer<typeof cardFieldSchema>;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes');
/**
 * Script text is shown to the agent as text: control characters and direction overrides are taken
 * out as the file is read (an imported file is a stranger's), line breaks kept.
 */
const text = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((value) => sanitizeMultiline(value, max))
    .pipe(z.string().min(1, 'must not be empty').max(max));

export const scriptQuestionSchema = z.object({
  id,
  text: text(500),
  /** Where the answer goes on the client card; none: only kept with the call. */
  field: cardFieldSchema.nullable(),
  /** Offered answers (e.g. hot / warm / cold); empty: free text. */
  choices: z.array(text(100)).max(12),
});
export type ScriptQuestion = z.infer<typeof scriptQuestionSchema>;

export const scriptStageSchema = z.object({
  id,
  kind: stageKindSchema,
  title: text(100),
  /** What to say; may hold placeholders such as {company} or {callerName}. */
  say: z.array(text(1000)).max(20),
  checklist: z.array(z.object({ id, text: text(300) })).max(20),
  questions: z.array(scriptQuestionSchema).max(30),
  /** "Say this, not that" (R2, R5, R22). */
  hints: z.array(z.object({ say: text(300), notThat: text(300) })).max(20),
});
export type ScriptStage = z.infer<typeof scriptStageSchema>;

export const callScriptSchema = z
  .object({
    version: z.literal(CALL_SCRIPT_VERSION),
    id,
    name: text(120),
    locale: scriptLocaleSchema,
    description: z
      .string()
      .max(4000)
      .transform((value) => sanitizeMultiline(value, 2000)),
    stages: z.array(scriptStageSchema).min(1).max(30),
    /** R14: answers not on the website (prices, terms, opening hours). */
    faq: z.array(z.object({ question: text(300), answer: text(2000) })).max(200),
    /** R16: the objection bank. */
    objections: z.array(z.object({ objection: text(300), answer: text(2000) })).max(200),
  })
  .superRefine((script, ctx) => {
    const seen = new Map<string, number>();
    script.stages.forEach((stage, index) => {
      const first = seen.get(stage.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['stages', index, 'id'], message: `repeats the id of stages[${first}]` });
      seen.set(stage.id, index);
      stage.say.forEach((line, li) => {
        const unknown = unknownPlaceholders(line);
        if (unknown.length > 0) {
          ctx.addIssue({ code: 'custom', path: ['stages', index, 'say', li], message: `unknown placeholder {${unknown.join('}, {')}}; known: {${placeholderNames.join('}, {')}}` });
        }
      });
      const ids = new Set<string>();
      stage.questions.forEach((q, qi) => {
        if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['stages', index, 'questions', qi, 'id'], message: 'repeats another question id of this stage' });
        ids.add(q.id);
      });
    });
    if (!script.stages.some((s) => s.kind === 'greeting')) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'needs a greeting stage' });
  });
export type CallScript = z.infer<typeof callScriptSchema>;

/** A script as listed for choosing and editing. */
export const scriptListingSchema = z.object({
  id: z.string(),
  locale: scriptLocaleSchema,
  name: z.string(),
  /** Shipped with Ringside: read-only, copied to change. */
  shipped: z.boolean(),
});
export type ScriptListing = z.infer<typeof scriptListingSchema>;
