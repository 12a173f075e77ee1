import { dateInWords } from './dateInWords';

describe('dateInWords', () => {
  it('writes a date in words in English and in Welsh, with Welsh month names', () => {
    expect(dateInWords('2026-12-12', 'en')).toBe('12 December 2026');
    expect(dateInWords('2026-12-12', 'cy')).toBe('12 Rhagfyr 2026');
    const welshMonths = Array.from({ length: 12 }, (_, month) => dateInWords(`2026-${String(month + 1).padStart(2, '0')}-03`, 'cy'));
    expect(welshMonths).toEqual([
      '3 Ionawr 2026', '3 Chwefror 2026', '3 Mawrth 2026', '3 Ebrill 2026', '3 Mai 2026', '3 Mehefin 2026',
      '3 Gorffennaf 2026', '3 Awst 2026', '3 Medi 2026', '3 Hydref 2026', '3 Tachwedd 2026', '3 Rhagfyr 2026',
    ]);
  });

  it('dates an instant as the UK does, summer time included, and a calendar date as that very day', () => {
    expect(dateInWords('2026-06-30T23:30:00Z', 'en')).toBe('1 July 2026');
    expect(dateInWords('2026-06-30T23:30:00Z', 'cy')).toBe('1 Gorffennaf 2026');
    expect(dateInWords('2026-12-31T23:30:00Z', 'en')).toBe('31 December 2026');
    expect(dateInWords('2026-07-01', 'en')).toBe('1 July 2026');
  });

  it('refuses what is not a date', () => {
    expect(() => dateInWords('next Tuesday', 'en')).toThrow(RangeError);
  });
});
