import type { Area, IssueListItem } from '../../shared/contract';
import { formatDate } from '../../shared/format';
import { categoryLabel, DEADLINE_LABELS, statusLabel } from '../../shared/labels';
import { areaName } from '../consoleContext';
import { hrefOf } from '../route';
import { isDisputed, isEscalated, isOverdue, nextDeadline } from './issueMarks';
import type { QueueSort } from './queueFilters';

/*
 * One page of the queue as a table, each issue's reference a link to its page; open disputes
 * (first, as the API orders them), overdue and escalated issues tagged in words. On a phone the table scrolls sideways inside its own
 * labelled, focusable region, so the page itself never does.
 */
interface QueueTableProps {
  readonly items: readonly IssueListItem[];
  readonly areas: readonly Area[];
  readonly sort: QueueSort;
  /** YYYY-MM-DD in London. */
  readonly today: string;
  readonly busy: boolean;
}

export function QueueTable({ items, areas, sort, today, busy }: QueueTableProps) {
  return (
    <div class="table-wrap" role="region" aria-labelledby="queue-caption" tabIndex={0} aria-busy={busy || undefined}>
      <table class="queue-table">
        <caption id="queue-caption">Issues, disputed ones first, then {sort === 'newest' ? 'newest first' : 'soonest deadline first'}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Area</th>
            <th scope="col">Category</th>
            <th scope="col">Next deadline</th>
            <th scope="col">Officer</th>
            <th scope="col">Logged</th>
          </tr>
        </thead>
        <tbody>
          {items.map((issue) => {
            const deadline = nextDeadline(issue);
            return (
              <tr key={issue.id} data-issue={issue.id} class={isDisputed(issue) ? 'queue-disputed' : undefined}>
                <td>
                  <a href={hrefOf({ page: 'issue', issueId: issue.id })}>{issue.reference}</a>
                </td>
                <td>{issue.title}</td>
                <td>
                  {statusLabel(issue.status)}
                  {isDisputed(issue) ? <span class="tag tag-error queue-mark">Disputed</span> : null}
                  {isOverdue(issue, today) ? <span class="tag tag-error queue-mark">Overdue</span> : null}
                  {isEscalated(issue) ? <span class="tag tag-warning queue-mark">Escalated</span> : null}
                </td>
                <td>{areaName(areas, issue.areaId)}</td>
                <td>{categoryLabel(issue.category)}</td>
                <td>{deadline ? `${formatDate(deadline.dueAt)} (${DEADLINE_LABELS[deadline.kind]})` : '—'}</td>
                <td>{issue.officer ?? '—'}</td>
                <td>{formatDate(issue.loggedAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
