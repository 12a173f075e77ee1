import { formatCount } from '../../shared/format';
import { hrefOf } from '../route';
import { pageCount, type QueueFilters, queryOf, shownRange } from './queueFilters';

/*
 * Paging through thousands of issues: which ones this page shows of how many, and links to the
 * previous and next pages (addresses, so Back returns to the page you were on).
 */
interface PagerProps {
  readonly filters: QueueFilters;
  readonly total: number;
  readonly pageSize: number;
  readonly shownOnPage: number;
}

export function Pager({ filters, total, pageSize, shownOnPage }: PagerProps) {
  const { first, last } = shownRange(filters.page, pageSize, shownOnPage);
  const pages = pageCount(total, pageSize);
  const pageHref = (page: number) => hrefOf({ page: 'queue', query: queryOf({ ...filters, page }) });
  return (
    <nav class="pager" aria-label="Pages of the queue">
      <p class="pager-range">
        {shownOnPage === 0 ? `None shown of ${formatCount(total)}` : `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`}
      </p>
      <ul class="pager-links">
        {filters.page > 1 ? (
          <li>
            <a class="button button-secondary" href={pageHref(Math.min(filters.page - 1, pages))} rel="prev">
              Previous<span class="visually-hidden"> page</span>
            </a>
          </li>
        ) : null}
        <li class="pager-page">
          Page {formatCount(filters.page)} of {formatCount(pages)}
        </li>
        {filters.page < pages ? (
          <li>
            <a class="button button-secondary" href={pageHref(filters.page + 1)} rel="next">
              Next<span class="visually-hidden"> page</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
