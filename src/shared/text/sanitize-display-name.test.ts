import { describe, expect, it } from 'vitest';
import { sanitizeDisplayName } from './sanitize-display-name.ts';

describe('sanitizeDisplayName', () => {
  it('keeps Greek and Cyrillic names as they are', () => {
    expect(sanitizeDisplayName('Γιώργος Παπαδόπουλος')).toBe('Γιώργος Παπαδόπουλος');
    expect(sanitizeDisplayName('Иван Петрович')).toBe('Иван Петрович');
  });

  it('strips control characters, line breaks and bidi overrides', () => {
    expect(sanitizeDisplayName('Evil\r\nX-Header: 1')).toBe('Evil X-Header: 1');
    expect(sanitizeDisplayName('abc\u202Egnp.exe')).toBe('abcgnp.exe');
    expect(sanitizeDisplayName('a\u0000b\u0007c')).toBe('abc');
  });

  it('leaves markup as text for the renderer to escape and caps the length', () => {
    expect(sanitizeDisplayName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(sanitizeDisplayName('x'.repeat(500))).toHaveLength(80);
  });

  it('returns an empty string for nothing', () => {
    expect(sanitizeDisplayName(undefined)).toBe('');
    expect(sanitizeDisplayName('   ')).toBe('');
  });
});
