import type { IssueStatus } from '@app/lifecycle';
import { isReference } from '@app/streams';
import { ISSUE_STATUSES } from '@app/lifecycle';
import { CLOSED_STATUSES } from './serviceRequestView';
import { parseW3cDateTime } from './w3cDates';

/** The spec's default and widest window, and its most results an answer gives. */
export const WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;

export type Query = Readonly<Record<string, unknown>>;
export type QueryReading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** A list parameter: comma-separated, and a repeated parameter counts as one more part of the list. */
function listOf(query: Query, name: string): string[] | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).filter((part): part is string => typeof part === 'string');
  return parts.flatMap((part) => part.split(',')).map((part) => part.trim()).filter((part) => part !== '');
}

/** [from, to] as ISO instants: both given (at most 90 days apart), one given (90 days from or to it), or the last 90 days. */
export function windowOf(query: Query, now: Date): QueryReading<{ from: string; to: string }> {
  const dates: Partial<Record<'start_date' | 'end_date', Date>> = {};
  for (const name of ['start_date', 'end_date'] as const) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    const at = typeof value === 'string' ? parseW3cDateTime(value) : undefined;
    if (!at) return { ok: false, problem: `${name} must be a W3C date-time such as 2026-03-02T09:00:00Z, given once` };
    dates[name] = at;
  }
  const { start_date: start, end_date: end } = dates;
  const to = end ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - WINDOW_DAYS * DAY_MS);
  if (from.getTime() > to.getTime()) return { ok: false, problem: 'start_date must not be after end_date' };
  if (to.getTime() - from.getTime() > WINDOW_DAYS * DAY_MS) return { ok: false, problem: `start_date and end_date may be at most ${WINDOW_DAYS} days apart` };
  return { ok: true, value: { from: from.toISOString(), to: to.toISOString() } };
}

/** What GET requests asks for: a list of references (which overrides every other parameter), or a window with filters. */
export type RequestsQuery =
  | { readonly kind: 'references'; readonly references: readonly string[] }
  | { readonly kind: 'window'; readonly from: string; readonly to: string; readonly categories?: readonly string[]; readonly statuses?: readonly IssueStatus[] };

export function readRequestsQuery(query: Query, now: Date): QueryReading<RequestsQuery> {
  const ids = listOf(query, 'service_request_id');
  if (ids !== undefined) {
    if (ids.length > MAX_RESULTS) return { ok: false, problem: `service_request_id may list at most ${MAX_RESULTS} requests` };
    // An id not shaped like a reference names nothing: it is simply not in the answer.
    return { ok: true, value: { kind: 'references', references: [...new Set(ids.filter(isReference))] } };
  }
  const window = windowOf(query, now);
  if (!window.ok) return window;
  const codes = listOf(query, 'service_code');
  const statusNames = listOf(query, 'status');
  const wrong = statusNames?.find((status) => status.toLowerCase() !== 'open' && status.toLowerCase() !== 'closed');
  if (wrong !== undefined) return { ok: false, problem: `status must be open or closed (or both, comma-separated), got ${wrong}` };
  const wanted = new Set(statusNames?.map((status) => status.toLowerCase()));
  const statuses = statusNames && ISSUE_STATUSES.filter((status) => wanted.has(CLOSED_STATUSES.includes(status) ? 'closed' : 'open'));
  return {
    ok: true,
    value: { kind: 'window', ...window.value, ...(codes && codes.length > 0 && { categories: codes }), ...(statuses && statuses.length > 0 && { statuses }) },
  };
}
