import type { StoredEvent } from '@app/event-store';
import { isPublicStep, type MachineStatus } from '@app/lifecycle';
import { ERASED } from '@app/personal-data';
import { replayStream, summaryOf } from './replayStream';

/** Who took a step, named for people. */
export interface StaffTimelineActor {
  readonly id: string;
  /** The name their token carried when they acted; else "System", "Resident", or the id for staff recorded without one. */
  readonly name: string;
  /** A staff role, `resident` or `system`. */
  readonly role: string;
}

/** One step of GET /issues/:id/timeline (shared/contract/API.md, "The issue read model"). */
export interface StaffTimelineStep {
  readonly version: number;
  readonly type: string;
  /** The issue's status once the step is taken, by the lifecycle's own fold. */
  readonly status: MachineStatus;
  /** When it happened (`occurredAt`; the store's `recordedAt` for an event that lacks it). */
  readonly at: string;
  readonly actor: StaffTimelineActor;
  readonly summary: string;
  /** The step's own words for people (a note, a report, an outcome, a reason, a question, an answer); absent when it has none. */
  readonly note?: string;
  /** Whether a resident sees the step on the public tracker. */
  readonly public: boolean;
}

/** The field of each event's data that holds its words for people. */
const NOTE_FIELD: Readonly<Record<string, string>> = {
  NoteAdded: 'text',
  IssueReferred: 'note',
  BoardReviewScheduled: 'report',
  IssueResolved: 'outcome',
  OutcomeFedBack: 'message',
  IssueReopened: 'reason',
  IssueWithdrawn: 'reason',
  ResidentAsked: 'question',
  ResidentReplied: 'answer',
  OutcomeDisputed: 'reason',
};

/** Events whose words are the resident's own, and may hold their personal data. */
const RESIDENT_WORDS = new Set(['ResidentReplied', 'OutcomeDisputed']);

const UNKNOWN_ACTOR: StaffTimelineActor = { id: 'unknown', name: 'Unknown', role: 'unknown' };

/**
 * What happened to an issue, for the staff who work on it: each event of its stream with the
 * status it left the issue in, who took it by name, its words, and whether residents see it.
 * Staff may read the resident's words (they see the resident's details on the issue), but once
 * the issue's personal data is erased the resident's answers read "[erased]", whenever they
 * were given: the event keeps them for its hash, the people reading it do not.
 */
export function buildStaffTimeline(streamEvents: readonly StoredEvent[]): StaffTimelineStep[] {
  const erased = streamEvents.some((stored) => stored.type === 'PersonalDataErased');
  return replayStream(streamEvents).map((replayed) => {
    const { stored, event, before, after } = replayed;
    const note = noteOf(stored, erased);
    return {
      version: stored.version,
      type: stored.type,
      status: after.status,
      at: textOf(stored.metadata.occurredAt) ?? stored.recordedAt,
      actor: actorOf(stored.metadata.actor),
      summary: summaryOf(replayed),
      ...(note !== undefined && { note }),
      public: event !== null && isPublicStep(before.status, after.status, event),
    };
  });
}

/** Read defensively, as the history is: an old or tampered event is still shown. */
function noteOf(stored: StoredEvent, erased: boolean): string | undefined {
  const field = NOTE_FIELD[stored.type];
  if (field === undefined || typeof stored.data !== 'object' || stored.data === null) return undefined;
  const words = textOf((stored.data as Record<string, unknown>)[field]);
  if (words === undefined) return undefined;
  return erased && RESIDENT_WORDS.has(stored.type) ? ERASED : words;
}

function actorOf(value: unknown): StaffTimelineActor {
  if (typeof value !== 'object' || value === null) return UNKNOWN_ACTOR;
  const { id, role, name } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof role !== 'string') return UNKNOWN_ACTOR;
  return { id, name: textOf(name) ?? defaultNameOf(id, role), role };
}

function defaultNameOf(id: string, role: string): string {
  if (role === 'system') return 'System';
  if (role === 'resident') return 'Resident';
  return id;
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
