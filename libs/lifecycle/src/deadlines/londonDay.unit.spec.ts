import { addDays, compareDays, isLondonDay, isWeekend, londonDay } from './londonDay';

describe('londonDay', () => {
  it.each([
    ['2026-03-28T23:30:00Z', '2026-03-28', 'the Saturday night before the spring change is still GMT'],
    ['2026-03-29T00:30:00Z', '2026-03-29', 'half an hour before the clocks go forward'],
    ['2026-03-29T23:30:00Z', '2026-03-30', 'the first night of BST is an hour ahead'],
    ['2026-06-01T23:30:00Z', '2026-06-02', 'a summer night is already the next day'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'the last night of BST'],
    ['2026-10-25T23:30:00Z', '2026-10-25', 'the first night back on GMT'],
    ['2026-12-31T23:59:59Z', '2026-12-31', 'New Year’s Eve in winter time'],
    ['2026-06-01T23:30:00+01:00', '2026-06-01', 'an offset is honoured'],
  ])('%s is %s in London (%s)', (instant, day) => {
    expect(londonDay(instant)).toBe(day);
    expect(londonDay(new Date(instant))).toBe(day);
  });

  it('takes a bare day as it stands', () => {
    expect(londonDay('2026-03-29')).toBe('2026-03-29');
  });

  it.each(['2026-02-30', 'tomorrow', '2026-13-01T00:00:00Z', '2026-06-01T23:30:00'])('rejects %s', (text) => {
    expect(() => londonDay(text)).toThrow(RangeError);
  });
});

describe('day helpers', () => {
  it.each([
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-06-01', 0, '2026-06-01'],
  ])('%s plus %i days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it('knows Saturdays and Sundays', () => {
    expect(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30'].map(isWeekend)).toEqual([false, true, true, false]);
  });

  it('orders days as calendar days', () => {
    expect(['2027-01-04', '2026-12-31', '2026-06-01'].sort(compareDays)).toEqual(['2026-06-01', '2026-12-31', '2027-01-04']);
    expect(compareDays('2026-06-01', '2026-06-01')).toBe(0);
  });

  it('tells real days from look-alikes', () => {
    expect(['2028-02-29', '2026-02-29', '2026-6-1'].map(isLondonDay)).toEqual([true, false, false]);
  });
});
