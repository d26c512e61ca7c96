import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface NormalizedNumber {
  /** E.164 when it is a valid public number, the extension as typed, or the cleaned digits. */
  number: string;
  kind: 'e164' | 'extension' | 'unknown';
}

/** Internal extensions on office PBXs: 2 to 6 digits. */
const EXTENSION = /^\d{2,6}$/;

/**
 * One form per number, so `8 (495) 123-45-67` (region RU) and `+7 495 123 45 67` find the same
 * card. Anything that is not a valid public number keeps its digits so it still matches itself.
 */
export function normalizePhoneNumber(raw: string, defaultRegion: string): NormalizedNumber {
  const trimmed = raw.trim();
  const cleaned = trimmed.replace(/[^\d+*#]/g, '').replace(/(?!^)\+/g, '');
  if (EXTENSION.test(cleaned)) return { number: cleaned, kind: 'extension' };
  const international = cleaned.startsWith('00') ? `+${cleaned.slice(2)}` : cleaned;
  const parsed = parsePhoneNumberFromString(international, defaultRegion as CountryCode);
  if (parsed?.isValid()) return { number: parsed.number, kind: 'e164' };
  return { number: cleaned, kind: 'unknown' };
}

/**
 * Whether typed text is a phone number at all: digits with the usual separators, no words.
 * "abc-not-a-number" would normalize to nothing and "home 6001" to the extension 6001, both silently.
 */
export function isPhoneNumberText(raw: string): boolean {
  return !/\p{L}/u.test(raw) && raw.replace(/\D/g, '').length >= 2;
}
