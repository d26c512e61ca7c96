import type { OfficeZone } from '../calls/callback-tasks.ts';

/** The office's time zone is this machine's: "next working morning" is read on its clock. */
export const localZone: OfficeZone = {
  localParts: (t) => {
    const d = new Date(t);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), weekday: d.getDay() };
  },
  fromLocal: (year, month, day, hour) => new Date(year, month - 1, day, hour).getTime(),
};
