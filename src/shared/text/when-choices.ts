import type { UiLanguage } from '../ipc/settings.ts';
import { intlLocale } from './date-time-text.ts';

/**
 * The choices of a "when" field (a next step, a call-back): a day among the next two weeks and a
 * time of the working day, named in the screen's language. Native date inputs follow the browser's
 * locale ("mm/dd/yyyy" under Russian words), so the field is two selects built from these lists.
 * All in the machine's local time: the office's.
 */

/** How many days are offered, today included. */
export const DAYS_OFFERED = 15;
/** The working day the times cover, and the step between two of them. */
export const FIRST_HOUR = 8;
export const LAST_HOUR = 20;
export const STEP_MINUTES = 30;
/** The time offered for a day other than today: the start of a working morning. */
export const DEFAULT_TIME = '10:00';

/** A day as a local calendar date, "2026-12-05": the key of a day choice. */
export type DayKey = string;
/** A local time of day, "14:30": the key of a time choice. */
export type TimeKey = string;

export type DayName = 'today' | 'tomorrow' | 'later';

export interface DayChoice {
  key: DayKey;
  /** Today and tomorrow are words from the catalogues; the others are named through Intl. */
  name: DayName;
  /** "Fri 5 Dec", "пт, 5 дек.", "Παρ 5 Δεκ". */
  label: string;
}

export interface TimeChoice {
  key: TimeKey;
  /** "14:30" in English and Russian, "2:30 μ.μ." in Greek. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dayKeyOf(date: Date): DayKey {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function parseDayKey(key: DayKey): { year: number; month: number; day: number } {
  const [year = 0, month = 0, day = 0] = key.split('-').map(Number);
  return { year, month, day };
}

function parseTimeKey(key: TimeKey): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = key.split(':').map(Number);
  return { hour, minute };
}

/** A day's name in the language, e.g. for a day outside the offered list that a form already holds. */
export function dayLabel(key: DayKey, language: UiLanguage): string {
  const { year, month, day } = parseDayKey(key);
  // Noon, so that no time zone shift can move the date.
  return new Intl.DateTimeFormat(intlLocale(language), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day, 12));
}

/** A time of day in the language's own clock (24-hour or a.m./p.m.). */
export function timeLabel(key: TimeKey, language: UiLanguage): string {
  const { hour, minute } = parseTimeKey(key);
  return new Intl.DateTimeFormat(intlLocale(language), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, hour, minute));
}

/** Today, tomorrow and the days after, counted by the calendar (a day with a clock change is still one day). */
export function dayChoices(nowMs: number, language: UiLanguage): DayChoice[] {
  const today = new Date(nowMs);
  return Array.from({ length: DAYS_OFFERED }, (_, offset) => {
    const key = dayKeyOf(new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset));
    const name: DayName = offset === 0 ? 'today' : offset === 1 ? 'tomorrow' : 'later';
    return { key, name, label: dayLabel(key, language) };
  });
}

/** The times of the working day, every STEP_MINUTES from FIRST_HOUR to LAST_HOUR inclusive. */
export function timeChoices(language: UiLanguage): TimeChoice[] {
  const choices: TimeChoice[] = [];
  for (let minutes = FIRST_HOUR * 60; minutes <= LAST_HOUR * 60; minutes += STEP_MINUTES) {
    const key = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    choices.push({ key, label: timeLabel(key, language) });
  }
  return choices;
}

/** The time first offered for a day: for today the next slot still ahead (the last one late in the evening), else DEFAULT_TIME. */
export function defaultTimeFor(day: DayKey, nowMs: number): TimeKey {
  const now = new Date(nowMs);
  if (day !== dayKeyOf(now)) return DEFAULT_TIME;
  const minutesNow = now.getHours() * 60 + now.getMinutes();
  const next = Math.ceil(minutesNow / STEP_MINUTES) * STEP_MINUTES;
  const clamped = Math.min(Math.max(next, FIRST_HOUR * 60), LAST_HOUR * 60);
  return `${pad(Math.floor(clamped / 60))}:${pad(clamped % 60)}`;
}

/** The moment (ms since the epoch) a day and a time name in local time. */
export function whenToMs(day: DayKey, time: TimeKey): number {
  const { year, month, day: date } = parseDayKey(day);
  const { hour, minute } = parseTimeKey(time);
  return new Date(year, month - 1, date, hour, minute).getTime();
}

/** The day and time a moment falls on in local time: how a form shows a moment it already holds. */
export function msToWhen(ms: number): { day: DayKey; time: TimeKey } {
  const date = new Date(ms);
  return { day: dayKeyOf(date), time: `${pad(date.getHours())}:${pad(date.getMinutes())}` };
}
