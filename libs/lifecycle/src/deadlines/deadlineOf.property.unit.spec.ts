import fc from 'fast-check';
import type { DeadlineClock, Pause } from './deadlineClock';
import { deadlineOf } from './deadlineOf';
import { addDays } from './londonDay';
import { CALENDAR_REGIONS } from './serviceLevelPolicy';
import { bankHolidayCalendar, workingDaysBetween } from './workingCalendar';

// Days as offsets from 1 Jan 2026, over three years of bank holidays and clock changes.
const BASE = '2026-01-01';
const offset = fc.integer({ min: 0, max: 3 * 365 });
const pauseArb = fc.record({
  from: offset,
  length: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
});
const toPause = ({ from, length }: { from: number; length: number | null }): Pause => ({
  from: addDays(BASE, from),
  until: length === null ? null : addDays(BASE, from + length),
});

const scenario = fc.record({
  region: fc.constantFrom(...CALENDAR_REGIONS),
  start: offset,
  workingDays: fc.integer({ min: 1, max: 30 }),
  pauses: fc.array(pauseArb, { maxLength: 3 }),
  extraPause: pauseArb,
  todayAfterStart: fc.integer({ min: 0, max: 120 }),
});

const clockOf = (start: number, pauses: readonly Pause[]): DeadlineClock => ({
  kind: 'resolve',
  cycle: 0,
  startedOn: addDays(BASE, start),
  endedOn: null,
  pauses,
  stoppedOn: null,
  missedRecorded: false,
});

describe('deadlineOf properties', () => {
  it('falls on a working day after the start, target plus paused days later', () => {
    fc.assert(
      fc.property(scenario, ({ region, start, workingDays, pauses, todayAfterStart }) => {
        const calendar = bankHolidayCalendar(region);
        const clock = clockOf(start, pauses.map(toPause));
        const view = deadlineOf(clock, workingDays, calendar, addDays(clock.startedOn, todayAfterStart));
        expect(view.dueAt > clock.startedOn).toBe(true);
        expect(calendar.isWorkingDay(view.dueAt)).toBe(true);
        expect(workingDaysBetween(calendar, clock.startedOn, view.dueAt)).toBe(workingDays + view.pausedDays);
      }),
    );
  });

  it('never falls earlier for one more pause', () => {
    fc.assert(
      fc.property(scenario, ({ region, start, workingDays, pauses, extraPause, todayAfterStart }) => {
        const calendar = bankHolidayCalendar(region);
        const before = clockOf(start, pauses.map(toPause));
        const after = clockOf(start, [...before.pauses, toPause(extraPause)]);
        const today = addDays(before.startedOn, todayAfterStart);
        expect(deadlineOf(after, workingDays, calendar, today).dueAt >= deadlineOf(before, workingDays, calendar, today).dueAt).toBe(true);
      }),
    );
  });
});
