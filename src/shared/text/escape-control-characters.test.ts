import { describe, expect, it } from 'vitest';
import { escapeControlCharacters } from './escape-control-characters.ts';

describe('escapeControlCharacters', () => {
  it('shows NUL, ESC, DEL, C1 and bidi overrides as visible escapes', () => {
    expect(escapeControlCharacters('a\u0000b\u001b[31mred\u007f\u009b\u202eevil')).toBe('a\\x00b\\x1b[31mred\\x7f\\x9b\\u202eevil');
  });

  it('keeps one line and leaves ordinary text, Cyrillic and Greek alone', () => {
    expect(escapeControlCharacters('one\r\ntwo\nthree\tfour')).toBe('one two three four');
    expect(escapeControlCharacters('Ольга — Δημήτρης "quoted" \\ back')).toBe('Ольга — Δημήτρης "quoted" \\ back');
  });
});
