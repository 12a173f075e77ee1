import type { HistoryEvent, Violation } from '../../shared/contract';
import { roleLabel } from '../../shared/labels';
import { formatInstant, violationLabel } from './auditWords';
import { type ChainLink, chainLinks } from './hashChain';

/*
 * An issue's stored events as a table, one row per event: version, type, both clocks (when it
 * happened, when the store wrote it), who did it, and its hash (the first 16 hex characters
 * shown, the full hash and the previous one a click away) with how it links to the row before.
 * Rows verify names are marked with the kind in words, not by colour alone; each row's data opens
 * as JSON.
 */

/** How many hex characters of a hash the table shows (API.md: at least 16). */
const SHOWN = 16;

interface HistoryTableProps {
  readonly events: readonly HistoryEvent[];
  readonly violations: ReadonlyMap<number, readonly Violation[]>;
}

export function HistoryTable({ events, violations }: HistoryTableProps) {
  const links = chainLinks(events);
  return (
    <div class="table-wrap" role="region" aria-labelledby="history-caption" tabIndex={0}>
      <table class="history-table">
        <caption id="history-caption">
          Every stored event of the issue, in order ({events.length} {events.length === 1 ? 'event' : 'events'})
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Type</th>
            <th scope="col">Occurred</th>
            <th scope="col">Recorded</th>
            <th scope="col">Actor</th>
            <th scope="col">Hash</th>
            <th scope="col">Data</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event, index) => (
            <HistoryRow key={event.version} event={event} link={links[index]} violations={violations.get(event.version) ?? []} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HistoryRow({ event, link, violations }: { readonly event: HistoryEvent; readonly link: ChainLink; readonly violations: readonly Violation[] }) {
  const flagged = violations.length > 0;
  return (
    <tr class={flagged ? 'history-flagged' : undefined} data-version={event.version}>
      <th scope="row">
        {event.version}
        {violations.map((violation) => (
          <span key={violation.kind} class="tag tag-error history-violation">
            {violationLabel(violation.kind)}
          </span>
        ))}
      </th>
      <td>{event.type}</td>
      <td>{event.occurredAt ? <time dateTime={event.occurredAt}>{formatInstant(event.occurredAt)}</time> : '—'}</td>
      <td>
        <time dateTime={event.recordedAt}>{formatInstant(event.recordedAt)}</time>
      </td>
      <td>
        {event.actor ? (
          <>
            <span class="history-actor-id">{event.actor.id}</span>
            <br />
            {roleLabel(event.actor.role)}
          </>
        ) : (
          '—'
        )}
      </td>
      <td>
        <details class="history-hash">
          <summary>
            <code>{event.hash.slice(0, SHOWN)}</code>…<span class="visually-hidden"> full hash of version {event.version}</span>
          </summary>
          <dl>
            <dt>Hash</dt>
            <dd>
              <code>{event.hash}</code>
            </dd>
            <dt>Previous hash</dt>
            <dd>{event.prevHash ? <code>{event.prevHash}</code> : 'none'}</dd>
          </dl>
        </details>
        <LinkMark link={link} />
      </td>
      <td>
        <details class="history-data">
          <summary>
            Data<span class="visually-hidden"> of version {event.version}</span>
          </summary>
          <pre>{JSON.stringify(event.data, null, 2)}</pre>
          <dl>
            <dt>Global position</dt>
            <dd>{event.globalPosition}</dd>
            <dt>Correlation id</dt>
            <dd>{event.correlationId ?? '—'}</dd>
            <dt>Causation id</dt>
            <dd>{event.causationId ?? '—'}</dd>
          </dl>
        </details>
      </td>
    </tr>
  );
}

/** Whether the row's previous hash is the hash of the row before it, in words. */
function LinkMark({ link }: { readonly link: ChainLink }) {
  switch (link.kind) {
    case 'first':
      return <p class="history-link">First event</p>;
    case 'linked':
      return <p class="history-link">Links to version {link.to}</p>;
    case 'broken':
      return <p class="tag tag-error history-link-broken">{link.after === null ? 'Names a previous hash, but is first' : `Does not link to version ${link.after}`}</p>;
  }
}
