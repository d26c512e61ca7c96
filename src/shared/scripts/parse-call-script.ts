import { callScriptSchema, CALL_SCRIPT_VERSION, type CallScript } from './call-script.ts';

export type ParsedScript = { ok: true; script: CallScript } | { ok: false; errors: string[] };

/**
 * Reads a script file (JSON text). Errors name the place: "stages[2].questions[0].field: …", with
 * the stage's title when there is one, so an admin can find it in the editor.
 */
export function parseCallScript(json: string): ParsedScript {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > CALL_SCRIPT_VERSION) {
    return { ok: false, errors: [`The script is from a newer Ringside (version ${version}); this one reads version ${CALL_SCRIPT_VERSION}.`] };
  }
  const parsed = callScriptSchema.safeParse(raw);
  if (parsed.success) return { ok: true, script: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const place = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
      const stageIndex = issue.path[0] === 'stages' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
      const title = stageIndex === null ? null : (raw as { stages?: { title?: unknown }[] }).stages?.[stageIndex]?.title;
      const where = typeof title === 'string' && title.trim() ? `${place} (stage "${title.trim()}")` : place || 'the file';
      return `${where}: ${issue.message}`;
    }),
  };
}
