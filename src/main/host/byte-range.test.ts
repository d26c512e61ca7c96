import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range.ts';

describe('byte ranges', () => {
  it('serves the whole file without a header or with one it does not serve', () => {
    expect(parseByteRange(undefined, 100)).toBe('whole');
    expect(parseByteRange('bytes=0-1,5-6', 100)).toBe('whole');
    expect(parseByteRange('items=0-1', 100)).toBe('whole');
  });

  it('reads open, closed and suffix ranges, clamped to the file', () => {
    expect(parseByteRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseByteRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-30', 100)).toEqual({ start: 70, end: 99 });
    expect(parseByteRange('bytes=-300', 100)).toEqual({ start: 0, end: 99 });
  });

  it('refuses ranges outside the file', () => {
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=20-10', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});
