import type { ScriptLocale } from './call-script.ts';

/** R3: public holidays of the offices Ringside serves, by region, with the wish in each language. */
type HolidayId = 'new-year' | 'christmas' | 'orthodox-christmas' | 'easter' | 'womens-day' | 'greek-national' | 'holiday' | 'ohi-day' | 'victory-day' | 'russia-day' | 'unity-day';

const WISHES: Record<HolidayId, Record<ScriptLocale, string>> = {
  'new-year': { en: 'Happy New Year!', ru: 'С Новым годом!', el: 'Καλή χρονιά!' },
  christmas: { en: 'Merry Christmas!', ru: 'С Рождеством!', el: 'Καλά Χριστούγεννα!' },
  'orthodox-christmas': { en: 'Merry Christmas!', ru: 'С Рождеством Христовым!', el: 'Καλά Χριστούγεννα!' },
  easter: { en: 'Happy Easter!', ru: 'Христос воскресе!', el: 'Χριστός Ανέστη!' },
  'womens-day': { en: 'Happy International Women’s Day!', ru: 'С праздником 8 Марта!', el: 'Χρόνια πολλά για την Ημέρα της Γυναίκας!' },
  'greek-national': { en: 'Happy national holiday!', ru: 'С национальным праздником!', el: 'Χρόνια πολλά!' },
  holiday: { en: 'Happy holiday!', ru: 'С праздником!', el: 'Χρόνια πολλά!' },
  'ohi-day': { en: 'Happy national holiday!', ru: 'С национальным праздником!', el: 'Χρόνια πολλά!' },
  'victory-day': { en: 'Happy Victory Day!', ru: 'С Днём Победы!', el: 'Χρόνια πολλά για την Ημέρα της Νίκης!' },
  'russia-day': { en: 'Happy Russia Day!', ru: 'С Днём России!', el: 'Χρόνια πολλά!' },
  'unity-day': { en: 'Happy National Unity Day!', ru: 'С Днём народного единства!', el: 'Χρόνια πολλά!' },
};

/** Fixed-date holidays per region: [month (1–12), day, holiday] (Clean Monday, Easter and Whit Monday move; see MOVABLE). */
const FIXED: Record<string, [number, number, HolidayId][]> = {
  GR: [[1, 1, 'new-year'], [3, 25, 'greek-national'], [8, 15, 'holiday'], [10, 28, 'ohi-day'], [12, 25, 'christmas']],
  CY: [[1, 1, 'new-year'], [3, 25, 'greek-national'], [8, 15, 'holiday'], [10, 28, 'ohi-day'], [12, 25, 'christmas']],
  RU: [[1, 1, 'new-year'], [1, 7, 'orthodox-christmas'], [3, 8, 'womens-day'], [5, 9, 'victory-day'], [6, 12, 'russia-day'], [11, 4, 'unity-day']],
};
const DEFAULT_FIXED: [number, number, HolidayId][] = [[1, 1, 'new-year'], [12, 25, 'christmas']];
/** Holidays that move with Orthodox Easter, in days from Easter Sunday (Greece and Cyprus). */
const MOVABLE: [number, HolidayId][] = [[-48, 'holiday'], [0, 'easter'], [1, 'easter'], [50, 'holiday']];
const MOVABLE_REGIONS = new Set(['GR', 'CY']);

/** Orthodox Easter Sunday (Gregorian date) of a year from 1900 to 2099: Meeus' Julian algorithm, +13 days. */
export function orthodoxEaster(year: number): { month: number; day: number } {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const julian = new Date(Date.UTC(year, Math.floor((d + e + 114) / 31) - 1, ((d + e + 114) % 31) + 1 + 13));
  return { month: julian.getUTCMonth() + 1, day: julian.getUTCDate() };
}

/**
 * The wish to add to the greeting and goodbye on a public holiday of the office's region (the
 * local calendar day of `date`), in the script's language; null on an ordinary day.
 */
export function holidayWish(date: Date, region: string, locale: ScriptLocale): string | null {
  const month = date.getMonth() + 1;
  const day = date.getDate();
  const fixed = (FIXED[region] ?? DEFAULT_FIXED).find(([m, d]) => m === month && d === day);
  if (fixed) return WISHES[fixed[2]][locale];
  if (MOVABLE_REGIONS.has(region)) {
    const easter = orthodoxEaster(date.getFullYear());
    // Whole days between two local dates (UTC avoids a daylight-saving hour).
    const daysAfter = Math.round((Date.UTC(date.getFullYear(), month - 1, day) - Date.UTC(date.getFullYear(), easter.month - 1, easter.day)) / 86_400_000);
    const movable = MOVABLE.find(([offset]) => offset === daysAfter);
    if (movable) return WISHES[movable[1]][locale];
  }
  return null;
}
