/**
 * Display names come from strangers (the From header). Keep them as plain, readable text: no
 * control characters, no bidi overrides that reorder what follows, no invisible characters, a
 * sane length. React renders the result as text, never as HTML.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

export function sanitizeDisplayName(raw: string | undefined | null, maxLength = 80): string {
  if (!raw) return '';
  const cleaned = raw.normalize('NFC').replace(/[\t\n\v\f\r]/g, ' ').replace(unsafe, '').replace(/\s+/g, ' ').trim();
  return Array.from(cleaned).slice(0, maxLength).join('');
}
