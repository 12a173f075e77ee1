import type { IssueStatus } from '../../shared/contract';
import { formatCount } from '../../shared/format';
import { STATUS_LABELS, STATUSES } from '../../shared/labels';
import { hrefOf } from '../route';
import { type QueueFilters, queryOf, withFilters } from './queueFilters';

/*
 * How many issues each status holds under the other filters (the list's `statusCounts`), each a
 * link that sets the Status filter, and "All". Links, not buttons: each is an address, so Back
 * and bookmarks keep working.
 */
interface StatusCountsProps {
  readonly filters: QueueFilters;
  readonly counts: Readonly<Partial<Record<IssueStatus, number>>>;
}

export function StatusCounts({ filters, counts }: StatusCountsProps) {
  const all = STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  const entries: { status: IssueStatus | ''; label: string; count: number }[] = [
    { status: '', label: 'All', count: all },
    ...STATUSES.map((status) => ({ status, label: STATUS_LABELS[status], count: counts[status] ?? 0 })),
  ];
  return (
    <nav aria-label="Issues by status">
      <ul class="status-counts">
        {entries.map((entry) => (
          <li key={entry.status || 'all'}>
            <a
              class="status-count"
              href={hrefOf({ page: 'queue', query: queryOf(withFilters(filters, { status: entry.status })) })}
              aria-current={filters.status === entry.status ? 'true' : undefined}
            >
              {entry.label} <span class="status-count-number">{formatCount(entry.count)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
