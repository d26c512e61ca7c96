import { describe, expect, it } from 'vitest';
import { isPhoneNumberText, normalizePhoneNumber } from './phone-number.ts';

describe('normalizePhoneNumber', () => {
  it('reads Russian trunk-prefix numbers and +7 the same way', () => {
    expect(normalizePhoneNumber('8 (495) 123-45-67', 'RU')).toEqual({ number: '+74951234567', kind: 'e164' });
    expect(normalizePhoneNumber('+7 495 123 45 67', 'GR')).toEqual({ number: '+74951234567', kind: 'e164' });
  });

  it('reads Greek landlines and mobiles with the default region', () => {
    expect(normalizePhoneNumber('210 1234567', 'GR')).toEqual({ number: '+302101234567', kind: 'e164' });
    expect(normalizePhoneNumber('0030 694 123 4567', 'RU')).toEqual({ number: '+306941234567', kind: 'e164' });
  });

  it('keeps short internal extensions as they are', () => {
    expect(normalizePhoneNumber('101', 'GR')).toEqual({ number: '101', kind: 'extension' });
    expect(normalizePhoneNumber(' 6001 ', 'GR')).toEqual({ number: '6001', kind: 'extension' });
  });

  it('keeps the digits of what is not a valid number', () => {
    expect(normalizePhoneNumber('12-34-56-78-90-12-34', 'GR')).toEqual({ number: '12345678901234', kind: 'unknown' });
    expect(normalizePhoneNumber('anonymous', 'GR')).toEqual({ number: '', kind: 'unknown' });
  });
});

describe('isPhoneNumberText', () => {
  it('takes numbers with the usual separators and refuses words or a lone digit', () => {
    for (const number of ['8 (495) 123-45-67', '+30 210 1234567', '0030.694.123.4567', '101', '*72#']) expect(isPhoneNumberText(number)).toBe(true);
    for (const text of ['abc-not-a-number', 'τηλ. σπιτιού', 'home 6001', '5', '---']) expect(isPhoneNumberText(text)).toBe(false);
  });
});
