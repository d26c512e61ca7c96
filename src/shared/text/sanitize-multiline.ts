import { sanitizeDisplayName } from './sanitize-display-name.ts';

/**
 * Text a stranger or a colleague wrote over several lines (a note, a message): each line is made
 * safe as a display name is, line breaks are kept, runs of blank lines shortened.
 */
export function sanitizeMultiline(text: string, maxLength: number): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => sanitizeDisplayName(line, maxLength))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, maxLength);
}
