/** The placeholders a script line may use, filled in live during the call. */
export const placeholderNames = ['company', 'activity', 'agentName', 'callerName', 'holidayWish'] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Partial<Record<PlaceholderName, string | null>>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The placeholders a line uses that Ringside does not know (the script editor reports them). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !(placeholderNames as readonly string[]).includes(name));
}

/**
 * What the office sets about itself: a sentence that names it is about it ("This is {agentName}."),
 * so without the value the sentence has nothing to say and is left out whole — unless the value
 * follows a comma, as an aside ("{company}, {activity}."), which leaves only a gap.
 */
const WHOLE_SENTENCE_PLACEHOLDERS: readonly PlaceholderName[] = ['company', 'activity', 'agentName'];
/**
 * A sentence ends at . ! ? … or the Greek question mark (;) before a space, and {holidayWish} is a
 * sentence of its own. Split, not matched: every character stays, dots inside a word too ("www.ventura.gr").
 */
const SENTENCE_BREAK = /(?<=[.!?…;][»)]*)(?=\s)|(?<=\{holidayWish\})/;

/**
 * Fills a script line. A sentence holding the company, its activity or the agent's name is left out
 * whole when that value is not set ("Good morning! This is {agentName}. How can I help you?" reads
 * "Good morning! How can I help you?"), unless the value is an aside after a comma, in any language and in custom scripts alike. The caller's
 * name and the holiday wish are asides: unknown, they leave no gap ("Good morning, {callerName}!"
 * reads "Good morning!"), since only spaces and punctuation around the gap are tidied.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const kept = text.split(SENTENCE_BREAK).filter((sentence) => !lacksWholeSentenceValue(sentence, values)).join('');
  const filled = kept.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(placeholderNames as readonly string[]).includes(name)) return whole;
    return valueOf(values, name as PlaceholderName);
  });
  return filled
    .replace(/[ \t]+/g, ' ')
    .replace(/\s+([,.!?;:;…»)])/g, '$1')
    .replace(/([,;:])(?=[,.!?;:;…])/g, '')
    .replace(/([!?…;])[.,;:]+/g, '$1')
    .replace(/\.[,;:]+/g, '.')
    .replace(/([(«])\s+/g, '$1')
    .replace(/\(\)|«»/g, '')
    .replace(/^[\s,;:]+/, '')
    .replace(/\s+$/, '')
    .replace(/ {2,}/g, ' ');
}

/** The office values a line needs that are not set (the panel links to Settings for them). */
export function missingOfficeValues(text: string, values: PlaceholderValues): PlaceholderName[] {
  return WHOLE_SENTENCE_PLACEHOLDERS.filter((name) => text.includes(`{${name}}`) && !valueOf(values, name));
}

function lacksWholeSentenceValue(sentence: string, values: PlaceholderValues): boolean {
  return missingOfficeValues(sentence, values).some((name) => new RegExp(`(?:^|[^,\\s])\\s*\\{${name}\\}`).test(sentence));
}

function valueOf(values: PlaceholderValues, name: PlaceholderName): string {
  return values[name]?.trim() ?? '';
}
