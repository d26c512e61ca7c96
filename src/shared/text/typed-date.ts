import type { UiLanguage } from '../ipc/settings.ts';
import { intlLocale } from './date-time-text.ts';

/**
 * A date typed as digits in the screen language's own order (31.12.2026 in Russian, 31/12/2026 in
 * Greek and in English, which is en-GB). Native date inputs follow the browser's locale instead
 * (mm/dd/yyyy under Russian words), so a date range is typed into a text field read with these.
 * Dates are ISO calendar days ("2026-12-31"), as the screens pass them on.
 */

type DatePart = 'day' | 'month' | 'year';

interface NumericDateFormat {
  order: DatePart[];
  separator: string;
}

function numericDateFormat(language: UiLanguage): NumericDateFormat {
  const parts = new Intl.DateTimeFormat(intlLocale(language), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(Date.UTC(2026, 11, 31));
  const order = parts.flatMap((p) => (p.type === 'day' || p.type === 'month' || p.type === 'year' ? [p.type] : []));
  return { order, separator: parts.find((p) => p.type === 'literal')?.value ?? '/' };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO day as the language writes it in digits: "31.12.2026", "31/12/2026". */
export function typedDateText(iso: string, language: UiLanguage): string {
  const [year = '', month = '', day = ''] = iso.split('-');
  const { order, separator } = numericDateFormat(language);
  const values: Record<DatePart, string> = { day, month, year };
  return order.map((part) => values[part]).join(separator);
}

export type TypedDate = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid' };

/**
 * What a typed date says: day, month and year in the language's order, any of . / - or a space
 * between them, one or two digits for day and month, four for the year (two mean 20xx). A day the
 * calendar does not have (31.02) is refused, not moved to March.
 */
export function parseTypedDate(text: string, language: UiLanguage): TypedDate {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const match = /^(\d{1,4})[./\-\s]+(\d{1,4})[./\-\s]+(\d{1,4})$/.exec(trimmed);
  if (!match) return { kind: 'invalid' };
  const { order } = numericDateFormat(language);
  const values = {} as Record<DatePart, string>;
  order.forEach((part, index) => {
    values[part] = match[index + 1] ?? '';
  });
  if (values.day.length > 2 || values.month.length > 2 || (values.year.length !== 2 && values.year.length !== 4)) return { kind: 'invalid' };
  const year = values.year.length === 2 ? 2000 + Number(values.year) : Number(values.year);
  const month = Number(values.month);
  const day = Number(values.day);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { kind: 'invalid' };
  return { kind: 'date', iso: `${year}-${pad(month)}-${pad(day)}` };
}
