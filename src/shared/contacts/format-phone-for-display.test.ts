import { describe, expect, it } from 'vitest';
import { formatPhoneForDisplay } from './format-phone-for-display.ts';

describe('formatPhoneForDisplay', () => {
  it("shows a number of the office's own region in its national form", () => {
    expect(formatPhoneForDisplay('+442079460958', 'GB')).toBe('020 7946 0958');
    expect(formatPhoneForDisplay('+74951234567', 'RU')).toBe('8 (495) 123-45-67');
    expect(formatPhoneForDisplay('+302101234567', 'GR')).toBe('21 0123 4567');
    expect(formatPhoneForDisplay('+306912345678', 'GR')).toBe('691 234 5678');
  });

  it('reads numbers that came without a country code, or with 00, in the default region', () => {
    expect(formatPhoneForDisplay('2101234567', 'GR')).toBe('21 0123 4567');
    expect(formatPhoneForDisplay('00442079460958', 'GR')).toBe('+44 20 7946 0958');
  });

  it('shows a number of another region in the international form', () => {
    expect(formatPhoneForDisplay('+442079460958', 'GR')).toBe('+44 20 7946 0958');
    expect(formatPhoneForDisplay('+74951234567', 'GB')).toBe('+7 495 123 45 67');
    expect(formatPhoneForDisplay('+35722123456', 'GR')).toBe('+357 22 123456');
  });

  it('shows internal extensions as they are', () => {
    expect(formatPhoneForDisplay('101', 'GR')).toBe('101');
    expect(formatPhoneForDisplay('6001', 'RU')).toBe('6001');
  });

  it('shows what is not a valid number exactly as it came', () => {
    for (const junk of ['anonymous', '12-34-56-78-90-12-34', 'sip:reception@pbx.example', '+1000', '']) expect(formatPhoneForDisplay(junk, 'GR')).toBe(junk);
    expect(formatPhoneForDisplay('Office 2101234567', 'GR')).toBe('Office 2101234567');
  });
});
