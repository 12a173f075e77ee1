import type { DeadlineClock, DeadlineKind, LondonDay } from './deadlines/deadlineClock';
import { londonDay } from './deadlines/londonDay';
import { type IssueEvent, type IssueEventType, SYSTEM_EVENT_TYPES } from './issueEvents';

/** Events that do not acknowledge an issue: the contract's "other than notes and upgrade-workflow", erasure and the system's own. */
const NOT_ACKNOWLEDGING: ReadonlySet<IssueEventType> = new Set([
  'IssueLogged',
  'NoteAdded',
  'WorkflowUpgraded',
  'PersonalDataErased',
  ...SYSTEM_EVENT_TYPES,
]);

/** Events after which a board meeting no longer holds the issue's resolve clock. */
const LEAVING_BOARD_REVIEW: ReadonlySet<IssueEventType> = new Set(['IssueReferred', 'RoundtableConvened', 'IssueResolved', 'IssueWithdrawn']);

const started = (kind: DeadlineKind, cycle: number, on: LondonDay): DeadlineClock => ({
  kind,
  cycle,
  startedOn: on,
  endedOn: null,
  pauses: [],
  stoppedOn: null,
  missedRecorded: false,
});

export interface ClockFacts {
  readonly clocks: readonly DeadlineClock[];
  readonly cycle: number;
}

/**
 * The deadlines' facts after one event: which clocks start, pause, resume, end or stop, on the
 * London day it happened. Facts only: dueAt and state come from `deadlineOf` with a calendar.
 */
export function evolveDeadlines({ clocks, cycle }: ClockFacts, event: IssueEvent): ClockFacts {
  const day = londonDay(event.occurredAt);
  if (event.type === 'IssueLogged') return { clocks: [started('acknowledge', 0, day), started('resolve', 0, day)], cycle: 0 };

  let next = clocks;
  const update = (kind: DeadlineKind, change: (clock: DeadlineClock) => DeadlineClock, only?: (clock: DeadlineClock) => boolean) => {
    next = next.map((clock) => (clock.kind === kind && (only === undefined || only(clock)) ? change(clock) : clock));
  };
  const running = (clock: DeadlineClock) => clock.endedOn === null && clock.stoppedOn === null;

  if (!NOT_ACKNOWLEDGING.has(event.type)) update('acknowledge', (clock) => ({ ...clock, endedOn: day }), running);
  if (LEAVING_BOARD_REVIEW.has(event.type)) {
    // A meeting still ahead no longer holds the clock: its pause ends today.
    update('resolve', (clock) => ({ ...clock, pauses: clock.pauses.map((pause) => (pause.until !== null && pause.until > day ? { ...pause, until: day > pause.from ? day : pause.from } : pause)) }));
  }

  switch (event.type) {
    case 'BoardReviewScheduled': {
      const meetingDay = londonDay(event.data.meetingDate);
      if (meetingDay > day) update('resolve', (clock) => ({ ...clock, pauses: [...clock.pauses, { from: day, until: meetingDay }] }), running);
      break;
    }
    case 'ResidentAsked':
      update('resolve', (clock) => ({ ...clock, pauses: [...clock.pauses, { from: day, until: null }] }), running);
      break;
    case 'ResidentReplied':
      update('resolve', (clock) => ({ ...clock, pauses: clock.pauses.map((pause) => (pause.until === null ? { ...pause, until: day } : pause)) }));
      break;
    case 'IssueResolved':
      update('resolve', (clock) => ({ ...clock, endedOn: day, pauses: closePauses(clock, day) }), running);
      if (!next.some((clock) => clock.kind === 'feedBack' && clock.cycle === cycle)) next = [...next, started('feedBack', cycle, day)];
      break;
    case 'OutcomeFedBack':
      update('feedBack', (clock) => ({ ...clock, endedOn: day }), running);
      break;
    case 'IssueReopened': {
      // Fresh resolve and feedBack deadlines, counted from the reopening.
      const fresh = cycle + 1;
      return { clocks: [...next.filter((clock) => clock.kind === 'acknowledge'), started('resolve', fresh, day)], cycle: fresh };
    }
    case 'IssueWithdrawn':
      next = next.map((clock) => (running(clock) ? { ...clock, stoppedOn: day, pauses: closePauses(clock, day) } : clock));
      break;
    case 'DeadlineMissed': {
      const { kind, cycle: missedCycle } = event.data;
      update(kind, (clock) => ({ ...clock, missedRecorded: true }), (clock) => clock.cycle === missedCycle);
      break;
    }
    default:
      break;
  }
  return { clocks: next, cycle };
}

/** An ongoing pause ends with its clock. */
function closePauses(clock: DeadlineClock, day: LondonDay) {
  return clock.pauses.map((pause) => (pause.until === null ? { ...pause, until: day } : pause));
}
