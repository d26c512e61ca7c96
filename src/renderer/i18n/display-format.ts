import { useTranslation } from 'react-i18next';
import { formatPhoneForDisplay } from '../../shared/contacts/format-phone-for-display.ts';
import { defaultSettings, uiLanguageSchema, type UiLanguage } from '../../shared/ipc/settings.ts';
import { dateTimeText, numberText, type DateTimeStyle } from '../../shared/text/date-time-text.ts';
import { useAppStore } from '../state/app-store.ts';
import { i18n } from './i18n.ts';

/** Numbers and moments as the person at the desk reads them: the screen's language, the office's region. */
export interface DisplayFormat {
  /** A phone number in the region's national form, a foreign one in the international form; extensions as they are. */
  phone(number: string): string;
  /** A moment (ms since the epoch) in the machine's time zone. */
  moment(ms: number, style?: DateTimeStyle): string;
  /** A count or a decimal with the language's grouping and decimal sign ("1,5" in Russian and Greek). */
  number(value: number, fractionDigits?: number): string;
}

export function displayFormat(language: string, region: string): DisplayFormat {
  const lang: UiLanguage = uiLanguageSchema.catch('en').parse(language);
  return {
    phone: (number) => formatPhoneForDisplay(number, region),
    moment: (ms, style = 'date-time') => dateTimeText(ms, lang, style),
    number: (value, fractionDigits = 0) => numberText(value, lang, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  };
}

/** For components: re-renders when the language or the region changes. */
export function useDisplayFormat(): DisplayFormat {
  const { i18n: current } = useTranslation();
  const region = useAppStore((s) => s.settings?.settings.defaultRegion ?? defaultSettings.defaultRegion);
  return displayFormat(current.language, region);
}

/** For text built outside a component (notifications, a caller's name in a title). */
export function currentDisplayFormat(): DisplayFormat {
  return displayFormat(i18n.language, useAppStore.getState().settings?.settings.defaultRegion ?? defaultSettings.defaultRegion);
}
