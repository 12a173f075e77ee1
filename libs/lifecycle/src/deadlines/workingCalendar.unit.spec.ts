import { bankHolidayCalendar, bankHolidaysOf, workingDaysBetween } from './workingCalendar';

const england = bankHolidayCalendar('GB-ENG');
const wales = bankHolidayCalendar('GB-WLS');
const scotland = bankHolidayCalendar('GB-SCT');

describe('bankHolidayCalendar', () => {
  it.each([
    ['2026-01-02', 'the 2nd of January is a Scottish holiday only', true, false],
    ['2027-01-04', 'the Scottish substitute for 2 January 2027 (a Saturday)', true, false],
    ['2026-04-06', 'Easter Monday is not a Scottish holiday', false, true],
    ['2026-08-03', 'the Scottish summer holiday', true, false],
    ['2026-08-31', 'the English summer holiday', false, true],
  ])('%s: %s', (day, _why, worksInEngland, worksInScotland) => {
    expect(england.isWorkingDay(day)).toBe(worksInEngland);
    expect(scotland.isWorkingDay(day)).toBe(worksInScotland);
  });

  it.each([
    ['2026-04-03', 'Good Friday'],
    ['2026-05-04', 'the early May holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'the substitute for Boxing Day (a Saturday)'],
    ['2027-01-01', 'New Year’s Day'],
  ])('%s is %s everywhere', (day) => {
    expect([england, wales, scotland].map((calendar) => calendar.isWorkingDay(day))).toEqual([false, false, false]);
  });

  it('keeps Easter Monday in Wales as in England', () => {
    expect(wales.isWorkingDay('2026-04-06')).toBe(false);
  });

  it('rests at weekends and works on ordinary weekdays', () => {
    expect(['2026-06-05', '2026-06-06', '2026-06-07', '2026-06-08'].map(england.isWorkingDay)).toEqual([true, false, false, true]);
  });

  it('does not count observances as days off', () => {
    expect(bankHolidaysOf('GB-ENG', 2026)).not.toContain('2026-04-05'); // Easter Sunday
    expect(bankHolidaysOf('GB-ENG', 2026)).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-26', '2026-12-28',
    ]);
  });

  it('is one calendar per region', () => {
    expect(bankHolidayCalendar('GB-ENG')).toBe(england);
    expect(bankHolidayCalendar('GB-SCT')).not.toBe(england);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first day up to and including the last, across Christmas and New Year', () => {
    // England: 29, 30, 31 Dec, 4 and 5 Jan; Scotland also rests on Monday 4 Jan 2027.
    expect(workingDaysBetween(england, '2026-12-24', '2027-01-05')).toBe(5);
    expect(workingDaysBetween(scotland, '2026-12-24', '2027-01-05')).toBe(4);
  });

  it('is 0 on the same day and when the end comes first', () => {
    expect(workingDaysBetween(england, '2026-06-01', '2026-06-01')).toBe(0);
    expect(workingDaysBetween(england, '2026-06-08', '2026-06-01')).toBe(0);
  });

  it('counts a resolution the next working day as 1', () => {
    expect(workingDaysBetween(england, '2026-06-05', '2026-06-08')).toBe(1);
  });
});
