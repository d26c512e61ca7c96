import type { UiLanguage } from '../ipc/settings.ts';

/**
 * The Intl locale for each screen language. English is en-GB: the offices are in Europe, where
 * en-US's month-first dates (12/3/2026 for 3 December) and a.m./p.m. would be misread.
 */
const LOCALES: Record<UiLanguage, string> = { en: 'en-GB', ru: 'ru', el: 'el' };

/** The Intl locale a screen language is shown in. */
export function intlLocale(language: UiLanguage): string {
  return LOCALES[language];
}

/** The kinds of moment a screen shows; each has one look in every language. */
export type DateTimeStyle =
  /** "3 Dec 2026, 14:05": a call, a message, an audit entry. The month is a word, so day and month cannot be swapped. */
  | 'date-time'
  /** "3 Dec 2026" */
  | 'date'
  /** "Thu 14:05": a call-back due this week. */
  | 'weekday-time'
  /** "3 Dec": a week on a chart. */
  | 'day-month';

const OPTIONS: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  'date-time': { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  'weekday-time': { weekday: 'short', hour: '2-digit', minute: '2-digit' },
  'day-month': { day: 'numeric', month: 'short' },
};

// Building a formatter costs far more than using one; a list of hundreds of rows reuses a few.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A moment (ms since the epoch) in the language's own words and order; the time zone is the machine's unless given. */
export function dateTimeText(ms: number, language: UiLanguage, style: DateTimeStyle, timeZone?: string): string {
  const key = `${language}|${style}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], { ...OPTIONS[style], ...(timeZone !== undefined && { timeZone }) });
    formatters.set(key, formatter);
  }
  return formatter.format(ms);
}

/** A count or a decimal in the language's own digits grouping and decimal sign ("1,5" in Russian and Greek). */
export function numberText(value: number, language: UiLanguage, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALES[language], options).format(value);
}
