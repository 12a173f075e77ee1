import { useLayoutEffect, useState } from 'preact/hooks';
import type { Area, Channel, IssueStatus } from '../../shared/contract';
import { CHANNEL_LABELS, CHANNELS, categoryLabel, STATUS_LABELS, STATUSES } from '../../shared/labels';
import { hrefOf } from '../route';
import { NO_FILTERS, type QueueFilters, type QueueSort, withFilters } from './queueFilters';

/*
 * The queue's filters as one form: changed freely, applied together with "Apply filters" (one
 * new address, so Back undoes it), or all cleared. Every control has its label; the dates are
 * checked against each other before anything is asked of the server.
 */
interface QueueFilterFormProps {
  readonly filters: QueueFilters;
  readonly areas: readonly Area[];
  readonly categories: readonly string[];
  readonly onApply: (filters: QueueFilters) => void;
}

const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export function QueueFilterForm({ filters, areas, categories, onApply }: QueueFilterFormProps) {
  const [draft, setDraft] = useState(filters);
  const [datesWrong, setDatesWrong] = useState(false);
  // A new address (a status link, Back, a bookmark) shows its own filters here, before it is drawn.
  useLayoutEffect(() => setDraft(filters), [filters]);
  const set = (changes: Partial<QueueFilters>) => setDraft((current) => ({ ...current, ...changes }));

  return (
    <form
      class="queue-filters"
      aria-labelledby="queue-filters-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const wrong = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
        setDatesWrong(wrong);
        if (!wrong) onApply(withFilters(draft, {}));
      }}
    >
      <h2 id="queue-filters-heading" class="visually-hidden">
        Filters
      </h2>
      <div class="queue-filter-fields">
        <div class="field">
          <label for="queue-status">Status</label>
          <select id="queue-status" value={draft.status} onChange={(event) => set({ status: valueOf(event) as IssueStatus | '' })}>
            <option value="">Any status</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-area">Area</label>
          <select id="queue-area" value={draft.areaId} onChange={(event) => set({ areaId: valueOf(event) })}>
            <option value="">All my areas</option>
            {areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-category">Category</label>
          <select id="queue-category" value={draft.category} onChange={(event) => set({ category: valueOf(event) })}>
            <option value="">Any category</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {categoryLabel(category)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-channel">Channel</label>
          <select id="queue-channel" value={draft.channel} onChange={(event) => set({ channel: valueOf(event) as Channel | '' })}>
            <option value="">Any channel</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-q">Text</label>
          <p id="queue-q-hint" class="hint">
            Title, description or reference
          </p>
          <input id="queue-q" type="search" maxLength={200} aria-describedby="queue-q-hint" value={draft.q} onInput={(event) => set({ q: valueOf(event) })} />
        </div>
        <div class="field">
          <label for="queue-officer">Officer</label>
          <input id="queue-officer" type="text" maxLength={200} value={draft.officer} onInput={(event) => set({ officer: valueOf(event) })} />
        </div>
        <div class="field">
          <label for="queue-from">Logged from</label>
          <input id="queue-from" type="date" value={draft.from} onInput={(event) => set({ from: valueOf(event) })} />
        </div>
        <div class={`field${datesWrong ? ' has-error' : ''}`}>
          <label for="queue-to">Logged to</label>
          {datesWrong ? (
            <p id="queue-to-error" class="field-error">
              <span class="visually-hidden">Error: </span>Logged to must be on or after Logged from
            </p>
          ) : null}
          <input
            id="queue-to"
            type="date"
            value={draft.to}
            aria-invalid={datesWrong || undefined}
            aria-describedby={datesWrong ? 'queue-to-error' : undefined}
            onInput={(event) => set({ to: valueOf(event) })}
          />
        </div>
        <div class="field">
          <label for="queue-sort">Sort</label>
          <select id="queue-sort" value={draft.sort} onChange={(event) => set({ sort: valueOf(event) as QueueSort })}>
            <option value="nextDeadline">Next deadline</option>
            <option value="newest">Newest</option>
          </select>
        </div>
        <div class="field field-checkbox queue-overdue">
          <input id="queue-overdue" type="checkbox" checked={draft.overdue} onChange={(event) => set({ overdue: (event.currentTarget as HTMLInputElement).checked })} />
          <label for="queue-overdue">Overdue only</label>
        </div>
      </div>
      <div class="button-row">
        <button type="submit" class="button">
          Apply filters
        </button>
        <a class="button button-secondary" href={hrefOf({ page: 'queue', query: {} })} onClick={() => setDraft(NO_FILTERS)}>
          Clear filters
        </a>
      </div>
    </form>
  );
}
