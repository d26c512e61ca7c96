import type { Period } from '../ipc/stats.ts';

export type PeriodKind = 'today' | 'week' | 'month';

/** Formatters are costly to build (ICU): one pair per time zone, reused. */
const formatters = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();
function formattersFor(timeZone: string): { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat } {
  let pair = formatters.get(timeZone);
  if (!pair) {
    pair = {
      date: new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }),
      time: new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }),
    };
    formatters.set(timeZone, pair);
  }
  return pair;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date at instant `t` in `timeZone` (IANA name), and the weekday (0 = Sunday). */
function localDate(t: number, timeZone: string): LocalDate & { weekday: number } {
  const parts = formattersFor(timeZone).date.formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), weekday };
}

/** Offset of `timeZone` from UTC at instant `t`, in ms (Athens in summer: +3 h). */
function offsetAt(t: number, timeZone: string): number {
  const parts = formattersFor(timeZone).time.formatToParts(t);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(t / 1000) * 1000;
}

/** The instant local midnight begins on that date (a DST change never happens at midnight in the offices we serve, but the offset is read for that day). */
function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

/**
 * Today, this week (Monday to Sunday) or this month in the office's time zone, as [from, to):
 * the edges are local midnights, so a call at 23:59 on Sunday belongs to the week it ends.
 */
export function periodOf(kind: PeriodKind, now: number, timeZone: string): Period {
  const today = localDate(now, timeZone);
  const dayStart = (offsetDays: number, base: LocalDate = today) => {
    const d = new Date(Date.UTC(base.year, base.month - 1, base.day + offsetDays));
    return startOfLocalDay({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, timeZone);
  };
  switch (kind) {
    case 'today':
      return { from: dayStart(0), to: dayStart(1) };
    case 'week': {
      const sinceMonday = (today.weekday + 6) % 7;
      return { from: dayStart(-sinceMonday), to: dayStart(7 - sinceMonday) };
    }
    case 'month': {
      const first = { year: today.year, month: today.month, day: 1 };
      const next = today.month === 12 ? { year: today.year + 1, month: 1, day: 1 } : { year: today.year, month: today.month + 1, day: 1 };
      return { from: startOfLocalDay(first, timeZone), to: startOfLocalDay(next, timeZone) };
    }
  }
}

/**
 * A period cut at local midnights: the whole local days inside it, and the parts before the first
 * and after the last (empty when the period starts or ends at midnight). Days are 23 or 25 hours
 * long across a DST change.
 */
export function splitIntoLocalDays(period: Period, timeZone: string): { days: Period[]; edges: Period[] } {
  const days: Period[] = [];
  const edges: Period[] = [];
  const first = periodOf('today', period.from, timeZone);
  let start = first.from === period.from ? first.from : first.to;
  if (start > period.from) edges.push({ from: period.from, to: Math.min(start, period.to) });
  while (start < period.to) {
    const end = periodOf('today', start, timeZone).to;
    if (end > period.to) break;
    days.push({ from: start, to: end });
    start = end;
  }
  if (start < period.to && start >= period.from) edges.push({ from: start, to: period.to });
  return { days, edges };
}
