import { describe, expect, it } from 'vitest';
import { formatDuration } from '../phone/call-presentation.ts';
import { parseMoment } from './parse-moment.ts';

describe('a moment of a recording typed by the supervisor', () => {
  it('reads m:ss and h:mm:ss, and what formatDuration writes', () => {
    expect(parseMoment('0:05')).toBe(5000);
    expect(parseMoment(' 12:30 ')).toBe(750_000);
    expect(parseMoment('1:02:03')).toBe(3_723_000);
    for (const ms of [0, 5000, 65_000, 3_723_000]) expect(parseMoment(formatDuration(ms))).toBe(ms);
  });
  it('refuses what is not a moment', () => {
    for (const text of ['', '5', '0:5', '0:60', '1:75:00', 'abc', '-0:05', '0:05<script>']) expect(parseMoment(text)).toBeNull();
  });
});
