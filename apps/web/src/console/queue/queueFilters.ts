import type { Query } from '../../shared/api';
import type { Channel, IssueStatus } from '../../shared/contract';
import { CHANNELS, STATUSES } from '../../shared/labels';
import type { RouteQuery } from '../route';

/*
 * The work queue's filters, read from and written to the address's hash (`#/?status=logged&page=2`)
 * so a filtered queue can be bookmarked and Back returns to it, and turned into GET /issues's
 * query. Anything the address holds that is not a valid filter is dropped, never sent. Pure.
 */

export type QueueSort = 'nextDeadline' | 'newest';

export interface QueueFilters {
  readonly status: IssueStatus | '';
  readonly areaId: string;
  readonly category: string;
  readonly channel: Channel | '';
  /** Text in the title, description or reference. */
  readonly q: string;
  /** Logged on or after this day (YYYY-MM-DD). */
  readonly from: string;
  /** Logged on or before this day (YYYY-MM-DD): the day itself included. */
  readonly to: string;
  readonly overdue: boolean;
  readonly officer: string;
  readonly sort: QueueSort;
  readonly page: number;
}

/** The queue as it opens: everything, the soonest deadline first. */
export const NO_FILTERS: QueueFilters = {
  status: '',
  areaId: '',
  category: '',
  channel: '',
  q: '',
  from: '',
  to: '',
  overdue: false,
  officer: '',
  sort: 'nextDeadline',
  page: 1,
};

export const PAGE_SIZE = 50;
/** The API's longest `q` and `officer`, and its longest area or category id. */
const TEXT_MAX = 200;
const ID_MAX = 64;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
const text = (value: string | undefined, max: number) => {
  const trimmed = (value ?? '').trim();
  return trimmed.length > 0 && trimmed.length <= max ? trimmed : '';
};

/** The filters an address's query holds; what is not a valid filter is left at its default. */
export function filtersOf(query: RouteQuery): QueueFilters {
  const page = /^[1-9]\d{0,6}$/.test(query.page ?? '') ? Number(query.page) : 1;
  return {
    status: STATUSES.includes(query.status as IssueStatus) ? (query.status as IssueStatus) : '',
    areaId: text(query.areaId, ID_MAX),
    category: text(query.category, ID_MAX),
    channel: CHANNELS.includes(query.channel as Channel) ? (query.channel as Channel) : '',
    q: text(query.q, TEXT_MAX),
    from: isDay(query.from ?? '') ? query.from! : '',
    to: isDay(query.to ?? '') ? query.to! : '',
    overdue: query.overdue === 'true',
    officer: text(query.officer, TEXT_MAX),
    sort: query.sort === 'newest' ? 'newest' : 'nextDeadline',
    page,
  };
}

/** The address's query for these filters: only those that differ from the defaults. */
export function queryOf(filters: QueueFilters): RouteQuery {
  const query: Record<string, string> = {};
  for (const name of Object.keys(NO_FILTERS) as (keyof QueueFilters)[]) {
    const value = filters[name];
    if (value !== NO_FILTERS[name] && value !== '') query[name] = String(value);
  }
  return query;
}

/** The filters with some changed: back to the first page unless the change is the page. */
export function withFilters(filters: QueueFilters, changes: Partial<QueueFilters>): QueueFilters {
  return { ...filters, page: 1, ...changes };
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * GET /issues's query for these filters (API.md: `to` is exclusive, so the chosen last day goes in
 * as the day after). The console always asks for open disputes first: a resident who says the
 * outcome is wrong is seen before anything else, whatever the sort.
 */
export function listQuery(filters: QueueFilters): Query {
  return {
    status: filters.status,
    areaId: filters.areaId,
    category: filters.category,
    channel: filters.channel,
    q: filters.q,
    from: filters.from,
    to: filters.to === '' ? '' : nextDay(filters.to),
    overdue: filters.overdue ? 'true' : undefined,
    officer: filters.officer,
    sort: filters.sort,
    disputesFirst: 'true',
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
}

/** Which items a page shows, counted from 1: page 2 of 50 each shows 51 to 100 (none: 0 to 0). */
export function shownRange(page: number, pageSize: number, shownOnPage: number): { readonly first: number; readonly last: number } {
  if (shownOnPage === 0) return { first: 0, last: 0 };
  const first = (page - 1) * pageSize + 1;
  return { first, last: first + shownOnPage - 1 };
}

/** How many pages `total` items make, at least one. */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));
