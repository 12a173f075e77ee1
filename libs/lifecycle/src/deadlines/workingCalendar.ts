import Holidays from 'date-holidays';
import type { LondonDay, WorkingCalendar } from './deadlineClock';
import { addDays, isWeekend } from './londonDay';
import type { CalendarRegion } from './serviceLevelPolicy';

// date-holidays names the UK nations as states of GB.
const STATE_OF: Readonly<Record<CalendarRegion, string>> = {
  'GB-ENG': 'ENG',
  'GB-WLS': 'WLS',
  'GB-SCT': 'SCT',
  'GB-NIR': 'NIR',
};
// Observances (Mother's Day, Easter Sunday...) are not days off; substitute days are 'public'.
const DAYS_OFF = new Set(['public', 'bank']);

interface RegionCalendar extends WorkingCalendar {
  holidaysIn(year: number): ReadonlySet<LondonDay>;
}

const calendars = new Map<CalendarRegion, RegionCalendar>();

/** Monday to Friday, not a bank holiday of the region. One calendar per region, shared. */
export function bankHolidayCalendar(region: CalendarRegion): WorkingCalendar {
  return regionCalendar(region);
}

/** The region's bank holidays in a year, as `YYYY-MM-DD`, in order. */
export function bankHolidaysOf(region: CalendarRegion, year: number): readonly LondonDay[] {
  return [...regionCalendar(region).holidaysIn(year)].sort();
}

function regionCalendar(region: CalendarRegion): RegionCalendar {
  let calendar = calendars.get(region);
  if (!calendar) {
    calendar = createCalendar(region);
    calendars.set(region, calendar);
  }
  return calendar;
}

function createCalendar(region: CalendarRegion): RegionCalendar {
  const holidays = new Holidays('GB', STATE_OF[region]);
  // Deadlines are judged day by day over the same few years: work each year out once.
  const byYear = new Map<number, ReadonlySet<LondonDay>>();
  const holidaysIn = (year: number): ReadonlySet<LondonDay> => {
    let days = byYear.get(year);
    if (!days) {
      days = new Set(
        holidays
          .getHolidays(year)
          .filter((holiday) => DAYS_OFF.has(holiday.type))
          .map((holiday) => holiday.date.slice(0, 10)),
      );
      byYear.set(year, days);
    }
    return days;
  };
  return {
    holidaysIn,
    isWorkingDay: (day) => !isWeekend(day) && !holidaysIn(Number(day.slice(0, 4))).has(day),
  };
}

/** Working days d with fromDay < d <= toDay (0 when toDay is not after fromDay): "days to resolve". */
export function workingDaysBetween(calendar: WorkingCalendar, fromDay: LondonDay, toDay: LondonDay): number {
  let count = 0;
  for (let day = addDays(fromDay, 1); day <= toDay; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count++;
  }
  return count;
}
