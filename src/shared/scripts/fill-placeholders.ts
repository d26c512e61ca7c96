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
 * Fills a script line. A value not known yet (the caller's name before they gave it, no holiday
 * today) leaves no gap: "Good morning, {callerName}!" reads "Good morning!" — in any language,
 * since only spaces and punctuation around the gap are tidied.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(placeholderNames as readonly string[]).includes(name)) return whole;
    return values[name as PlaceholderName]?.trim() ?? '';
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
