import type { Deadline } from '../../shared/contract';
import { formatDate } from '../../shared/format';
import { DEADLINE_LABELS, DEADLINE_STATE_LABELS } from '../../shared/labels';

/** The issue's deadlines under its service-level policy; a missed one is tagged in words, not by colour alone. */
export function Deadlines({ deadlines }: { readonly deadlines: readonly Deadline[] }) {
  if (deadlines.length === 0) return <p>No deadlines are set for this issue.</p>;
  return (
    <div class="table-wrap" role="region" aria-labelledby="deadlines-caption" tabIndex={0}>
      <table class="deadlines-table">
        <caption id="deadlines-caption" class="visually-hidden">
          Each deadline: when it is due and where it stands
        </caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Due</th>
            <th scope="col">Working days</th>
            <th scope="col">Paused days</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((deadline) => (
            <tr key={deadline.kind} class={deadline.state === 'missed' ? 'deadline-missed' : undefined}>
              <td>{DEADLINE_LABELS[deadline.kind]}</td>
              <td>{formatDate(deadline.dueAt)}</td>
              <td>{deadline.workingDays}</td>
              <td>{deadline.pausedDays}</td>
              <td>{deadline.state === 'missed' ? <span class="tag tag-error">Missed</span> : DEADLINE_STATE_LABELS[deadline.state]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
