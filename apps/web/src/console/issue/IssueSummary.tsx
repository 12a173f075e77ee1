import { type ComponentChildren, Fragment } from 'preact';
import type { Area, Issue } from '../../shared/contract';
import { formatDate, formatDateTime } from '../../shared/format';
import { categoryLabel, channelLabel } from '../../shared/labels';
import { areaName } from '../consoleContext';

/** Everything the issue's read model holds, as a list of terms and their values (a dash for none). */
export function IssueSummary({ issue, areas }: { readonly issue: Issue; readonly areas: readonly Area[] }) {
  const location = issue.location;
  const rows: [string, ComponentChildren][] = [
    ['Description', <span class="issue-description">{issue.description}</span>],
    ['Category', categoryLabel(issue.category)],
    ['Area', areaName(areas, issue.areaId)],
    ['Channel', channelLabel(issue.channel)],
    ['Logged', formatDateTime(issue.loggedAt)],
    ['Updated', formatDateTime(issue.updatedAt)],
    ['Raised by', issue.raisedBy.name],
    ['Email', issue.raisedBy.email ?? '—'],
    ['Phone', issue.raisedBy.phone ?? '—'],
    ['Address', location?.address ?? '—'],
    ['Location', location ? `${location.lat}, ${location.lng}` : '—'],
    ['Service provider', issue.serviceProvider ?? '—'],
    ['Officer', issue.officer ?? '—'],
    ['Due by', formatDate(issue.dueBy)],
    ['Outcome', issue.outcome ?? '—'],
    ['Resolved at', formatDateTime(issue.resolvedAt)],
    ['Fed back at', formatDateTime(issue.fedBackAt)],
    ['Version', String(issue.version)],
    ['Workflow version', String(issue.workflowVersion)],
    ['Policy version', issue.policyVersion ?? '—'],
  ];
  return (
    <dl class="summary" id="issue-summary">
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
