import { filtersOf, listQuery, NO_FILTERS, nextDay, pageCount, PAGE_SIZE, queryOf, shownRange, withFilters } from './queueFilters';

describe("the work queue's filters", () => {
  it('opens on everything, soonest deadline first, page 1', () => {
    expect(filtersOf({})).toEqual(NO_FILTERS);
    expect(NO_FILTERS.sort).toBe('nextDeadline');
  });

  it('reads every filter from the address', () => {
    const filters = filtersOf({
      status: 'boardReview',
      areaId: 'trowbridge',
      category: 'highways',
      channel: 'phone',
      q: ' pothole ',
      from: '2026-11-01',
      to: '2026-11-30',
      overdue: 'true',
      officer: 'Sam Officer',
      sort: 'newest',
      page: '3',
    });
    expect(filters).toEqual({
      status: 'boardReview',
      areaId: 'trowbridge',
      category: 'highways',
      channel: 'phone',
      q: 'pothole',
      from: '2026-11-01',
      to: '2026-11-30',
      overdue: true,
      officer: 'Sam Officer',
      sort: 'newest',
      page: 3,
    });
  });

  it('drops what is not a valid filter rather than sending it', () => {
    const filters = filtersOf({ status: 'lost', channel: 'pigeon', from: '2026-02-30', to: 'yesterday', overdue: 'yes', sort: 'oldest', page: '0', q: 'x'.repeat(201) });
    expect(filters).toEqual(NO_FILTERS);
    expect(filtersOf({ page: '-2' }).page).toBe(1);
    expect(filtersOf({ page: '2.5' }).page).toBe(1);
  });

  it('writes only the filters that differ from the defaults, and reads them back the same', () => {
    expect(queryOf(NO_FILTERS)).toEqual({});
    const filters = { ...NO_FILTERS, status: 'logged' as const, q: 'pot hole', overdue: true, sort: 'newest' as const, page: 2 };
    expect(queryOf(filters)).toEqual({ status: 'logged', q: 'pot hole', overdue: 'true', sort: 'newest', page: '2' });
    expect(filtersOf(queryOf(filters))).toEqual(filters);
  });

  it('goes back to the first page when a filter changes, not when the page does', () => {
    const onPage4 = { ...NO_FILTERS, page: 4 };
    expect(withFilters(onPage4, { status: 'referred' }).page).toBe(1);
    expect(withFilters(onPage4, { page: 5 }).page).toBe(5);
  });

  it("asks GET /issues for the page, 50 at a time, with the last day chosen included", () => {
    const filters = { ...NO_FILTERS, status: 'logged' as const, from: '2026-11-01', to: '2026-11-30', overdue: true, page: 2 };
    expect(listQuery(filters)).toEqual({
      status: 'logged',
      areaId: '',
      category: '',
      channel: '',
      q: '',
      from: '2026-11-01',
      to: '2026-12-01',
      overdue: 'true',
      officer: '',
      sort: 'nextDeadline',
      disputesFirst: 'true',
      page: 2,
      pageSize: PAGE_SIZE,
    });
    expect(PAGE_SIZE).toBe(50);
    expect(listQuery(NO_FILTERS).overdue).toBeUndefined();
    expect(listQuery(NO_FILTERS).to).toBe('');
  });

  it('counts days across months and years', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });

  it('says which issues a page shows, and how many pages there are', () => {
    expect(shownRange(2, 50, 50)).toEqual({ first: 51, last: 100 });
    expect(shownRange(25, 50, 34)).toEqual({ first: 1201, last: 1234 });
    expect(shownRange(1, 50, 0)).toEqual({ first: 0, last: 0 });
    expect(pageCount(1234, 50)).toBe(25);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(0, 50)).toBe(1);
  });
});
