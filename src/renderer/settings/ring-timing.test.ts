import { describe, expect, it } from 'vitest';
import { answerOptions, formatSeconds, parseSecondsToMs, RECOMMENDED_ANSWER_RING } from './ring-timing.ts';

describe('ring timing in seconds and rings', () => {
  it('reads seconds as typed, with a decimal point or a decimal comma, into whole tenths of a second in ms', () => {
    expect(parseSecondsToMs('1.5')).toBe(1500);
    expect(parseSecondsToMs('1,5')).toBe(1500);
    expect(parseSecondsToMs(' 3 ')).toBe(3000);
    expect(parseSecondsToMs('0')).toBe(0);
    expect(parseSecondsToMs('.5')).toBe(500);
    expect(parseSecondsToMs('2.04')).toBe(2000);
    expect(parseSecondsToMs('3.56')).toBe(3600);
  });

  it('refuses what is not a number of seconds', () => {
    for (const text of ['', ' ', 'abc', '1.5s', '-1', '1..5', '1,5,0', '1e3']) expect(parseSecondsToMs(text), text).toBeNull();
  });

  it('shows milliseconds as seconds in the language’s number format', () => {
    expect(formatSeconds(1500, 'en')).toBe('1.5');
    expect(formatSeconds(1500, 'ru')).toBe('1,5');
    expect(formatSeconds(3500, 'el')).toBe('3,5');
    expect(formatSeconds(4000, 'en')).toBe('4');
    expect(formatSeconds(1234, 'en')).toBe('1.2');
  });

  it('a stored value survives the round trip through the form', () => {
    for (const ms of [0, 200, 1000, 1500, 4000, 10_000, 20_000]) expect(parseSecondsToMs(formatSeconds(ms, 'ru'))).toBe(ms);
  });

  it('says how long the caller waits for each auto-answer ring: ring n ends after n sounds and n − 1 pauses', () => {
    const options = answerOptions({ onMs: 1500, offMs: 3500 });
    expect(options.map((o) => o.ring)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(options.map((o) => o.afterMs)).toEqual([1500, 6500, 11_500, 16_500, 21_500, 26_500]);
    expect(answerOptions({ onMs: 1000, offMs: 4000 })[1]?.afterMs).toBe(6000);
  });

  it('marks exactly one choice recommended: the 2nd ring', () => {
    const recommended = answerOptions({ onMs: 1000, offMs: 4000 }).filter((o) => o.recommended);
    expect(recommended.map((o) => o.ring)).toEqual([RECOMMENDED_ANSWER_RING]);
    expect(RECOMMENDED_ANSWER_RING).toBe(2);
  });
});
