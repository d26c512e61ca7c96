import { parsePhoneNumber, type CountryCode } from 'libphonenumber-js/max';
import { isPhoneNumberText, normalizePhoneNumber } from './phone-number.ts';

/**
 * A number as a person reads it: one of the office's own region in its national form
 * (`020 7946 0958`, `8 (495) 123-45-67`), any other in the international form
 * (`+44 20 7946 0958`). Extensions, SIP addresses and whatever is not a valid public number are
 * shown exactly as they came, so nothing is hidden or invented.
 */
export function formatPhoneForDisplay(raw: string, defaultRegion: string): string {
  // A display name with digits in it ("Office 2101234567") is a name, not a number to rewrite.
  if (!isPhoneNumberText(raw)) return raw;
  const normalized = normalizePhoneNumber(raw, defaultRegion);
  if (normalized.kind !== 'e164') return raw;
  const parsed = parsePhoneNumber(normalized.number);
  return parsed.country === (defaultRegion as CountryCode) ? parsed.formatNational() : parsed.formatInternational();
}
