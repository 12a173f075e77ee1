import type { IssueStatus } from '@app/lifecycle';
import type { Area } from '../config/areas';
import type { Open311Record } from './open311Document';
import { serviceNamed } from './open311Services';
import type { TrackedRequest, TrackedStep } from './trackedRequests';
import { endOfLondonDay, w3cDateTime } from './w3cDates';

/** GeoReport v2 has two statuses: an issue is closed once resolved, fed back or withdrawn. */
export const CLOSED_STATUSES: readonly IssueStatus[] = ['resolved', 'fedBack', 'withdrawn'];
export const open311Status = (status: IssueStatus): 'open' | 'closed' => (CLOSED_STATUSES.includes(status) ? 'closed' : 'open');

const SHOWS_OUTCOME: readonly IssueStatus[] = ['resolved', 'fedBack'];

/**
 * A service request as GeoReport v2 lists it, fields in the spec's order. `description` is the
 * public title (the resident's own description may hold personal data); `address` is left out
 * (the only address held is the resident's exact one); `agency_responsible` is the service
 * provider the issue was referred to, else the area board.
 */
export function serviceRequestOf(request: TrackedRequest, areas: readonly Area[]): Open311Record {
  return {
    service_request_id: request.reference,
    status: open311Status(request.status),
    status_notes: statusNotesOf(request),
    service_name: serviceNamed(request.category)?.service_name ?? request.category,
    service_code: request.category,
    description: request.title,
    agency_responsible: request.serviceProvider ?? areas.find((area) => area.id === request.areaId)?.name ?? null,
    service_notice: null,
    requested_datetime: w3cDateTime(request.loggedAt),
    updated_datetime: w3cDateTime(request.updatedAt),
    expected_datetime: request.dueBy === null ? null : endOfLondonDay(request.dueBy),
    ...(request.location && { lat: request.location.lat, long: request.location.lng }),
    media_url: null,
  };
}

/** The standing outcome (while resolved or fed back), then the public notes, newest first; null when there is neither. */
export function statusNotesOf(request: Pick<TrackedRequest, 'status' | 'outcome' | 'publicNotes'>): string | null {
  const outcome = SHOWS_OUTCOME.includes(request.status) && request.outcome !== null ? [`Outcome: ${request.outcome}`] : [];
  const notes = [...outcome, ...[...request.publicNotes].reverse()];
  return notes.length === 0 ? null : notes.join('\n\n');
}

/** What each change of status says to someone following the request. */
const STEP_WORDS: Readonly<Record<string, string>> = {
  logged: 'Logged: the area board has received this issue.',
  referred: 'Referred to the service that can act on it.',
  boardReview: 'Put to the area board for review at its meeting.',
  roundtable: 'A roundtable has been convened to settle it.',
  awaitingResident: 'Waiting for more information from the person who raised it.',
  resolved: 'Resolved.',
  fedBack: 'The outcome has been fed back to the person who raised it.',
  withdrawn: 'Withdrawn.',
};

/**
 * A public step as a request update (the servicerequestupdates extension): a public note says
 * its text; a change of status says it in words, and the resolution still standing its outcome.
 * The update id is the reference and the step's place in its timeline: stable, never reused.
 */
export function requestUpdateOf(step: TrackedStep): Open311Record {
  const isStandingResolution = step.status === 'resolved' && step.note === null && step.resolvedAt === step.at && step.outcome !== null;
  const reopened = step.status === 'logged' && step.seq > 0 && step.note === null;
  const description = step.note ?? (isStandingResolution ? `Resolved: ${step.outcome}` : reopened ? 'Back with the area board: it is being looked at again.' : (STEP_WORDS[step.status] ?? `Now ${step.status}.`));
  return {
    update_id: `${step.reference}-${step.seq}`,
    service_request_id: step.reference,
    status: open311Status(step.status),
    updated_datetime: w3cDateTime(step.at),
    description,
    media_url: null,
  };
}
