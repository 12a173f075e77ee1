import { randomUUID } from 'node:crypto';
import type { EventStoreAdapter, NewEvent } from '@app/event-store';

/**
 * Issue histories exactly as the release before workflow versions stored them: every event
 * decided under workflow version 1 (`metadata.workflowVersion: 1`), IssueLogged at schema
 * version 1 (the resident's details in plaintext) or 2 (sealed, with its subject; no
 * workflowVersion or policyVersion in its data), one append per command. Nothing here may be
 * changed to suit today's code: these are the rows an installation already holds.
 *
 * The sealed envelopes' keys were never kept, so they read as "[erased]" anywhere.
 */

interface ActorRow {
  readonly id: string;
  readonly role: string;
}

const MANAGER: ActorRow = { id: 'manager-trow', role: 'areaManager' };
const OFFICER: ActorRow = { id: 'officer-7', role: 'officer' };
const ADMIN: ActorRow = { id: 'admin-1', role: 'admin' };
const RESIDENT: ActorRow = { id: 'anonymous', role: 'resident' };

interface V1Step {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly occurredAt: string;
  readonly actor: ActorRow;
  /** Only IssueLogged was ever written at a schema version other than 1. */
  readonly schemaVersion?: number;
  readonly idempotencyKey?: string;
}

export interface V1StreamFixture {
  /** What the history is, for test names. */
  readonly name: string;
  readonly issueId: string;
  readonly reference: string;
  readonly steps: readonly V1Step[];
  /** What the fold of it all gives, as the old release showed it. */
  readonly status: string;
  readonly version: number;
}

const details = (reference: string, title: string) => ({
  reference,
  title,
  description: `${title}: reported to the area board.`,
  category: 'highways',
  areaId: 'trowbridge',
});

/** Logged by phone (plaintext personal data, IssueLogged v1), assigned, through board review, resolved, fed back, reopened, to a roundtable. */
const REOPENED: V1StreamFixture = {
  name: 'reopened (IssueLogged v1, plaintext)',
  issueId: '3c4f2a9e-1b6d-4e0f-a2c3-5d6e7f809101',
  reference: 'TROW-2024-00001',
  status: 'roundtable',
  version: 10,
  steps: [
    {
      type: 'IssueLogged',
      schemaVersion: 1,
      occurredAt: '2024-05-06T09:15:00.000Z',
      actor: MANAGER,
      data: {
        ...details('TROW-2024-00001', 'Blocked drain on Church Street'),
        channel: 'phone',
        location: { lat: 51.3195, lng: -2.2088 },
        personal: { raisedBy: { name: 'Ada Resident', phone: '01225 111111' }, address: '12 Church Street, Trowbridge' },
      },
    },
    { type: 'OfficerAssigned', occurredAt: '2024-05-07T10:00:00.000Z', actor: MANAGER, data: { officer: 'officer-7', dueBy: '2024-05-31' } },
    { type: 'BoardReviewScheduled', occurredAt: '2024-05-08T11:00:00.000Z', actor: MANAGER, data: { meetingDate: '2024-05-20', report: 'Recurring flooding.' } },
    { type: 'IssueReferred', occurredAt: '2024-05-21T09:00:00.000Z', actor: MANAGER, data: { serviceProvider: 'Wessex Water', note: 'Board asked for a survey.' } },
    { type: 'IssueResolved', occurredAt: '2024-06-03T16:30:00.000Z', actor: OFFICER, data: { outcome: 'Drain cleared and relined.' } },
    {
      type: 'OutcomeFedBack',
      occurredAt: '2024-06-04T09:00:00.000Z',
      actor: OFFICER,
      idempotencyKey: 'feed-back-00001',
      data: { message: 'The drain was cleared.', channel: 'phone' },
    },
    { type: 'IssueReopened', occurredAt: '2024-07-01T08:45:00.000Z', actor: MANAGER, data: { reason: 'Flooded again after rain.' } },
    { type: 'NoteAdded', occurredAt: '2024-07-01T09:00:00.000Z', actor: OFFICER, data: { text: 'Neighbours report the same.', public: true } },
    { type: 'BoardReviewScheduled', occurredAt: '2024-07-02T10:00:00.000Z', actor: MANAGER, data: { meetingDate: '2024-07-15', report: 'Second flooding.' } },
    { type: 'RoundtableConvened', occurredAt: '2024-07-16T14:00:00.000Z', actor: MANAGER, data: { date: '2024-07-16', participants: ['Wessex Water', 'Highways'] } },
  ],
};

/** Raised online (sealed personal data, IssueLogged v2), referred, withdrawn, then the resident erased. */
const WITHDRAWN: V1StreamFixture = {
  name: 'withdrawn and erased (IssueLogged v2, sealed)',
  issueId: '9d8c7b6a-5f4e-4d3c-8b2a-190817263544',
  reference: 'TROW-2024-00002',
  status: 'withdrawn',
  version: 5,
  steps: [
    {
      type: 'IssueLogged',
      schemaVersion: 2,
      occurredAt: '2024-05-10T18:20:00.000Z',
      actor: RESIDENT,
      data: {
        ...details('TROW-2024-00002', 'Broken streetlight on Castle Street'),
        channel: 'online',
        location: { lat: 51.3172, lng: -2.2071 },
        subjectId: '5b0c1e8a-3f4d-4c2b-9a77-1d2e3f405162',
        personal: {
          sealed: 'A256GCM',
          subjectId: '5b0c1e8a-3f4d-4c2b-9a77-1d2e3f405162',
          iv: 'dJdmEnTlVIJ18N5a',
          ciphertext: 'C+fu3dL6sCZwwpKPeOnLim7+b7utFBfZBVJIe8ABB1v/NAftEK5WVPUfYs8G/2HXX5zoaz/ZXCnNj6SgaW9F/bFsx4kMHqSTnQzRtu0e6IgWNOw9+qSzYY1xlAFUdIHGDXxnxwsnHfBe1A==',
          tag: 'CnWPuHU69mKBLp+Qkqb3tg==',
        },
      },
    },
    { type: 'IssueReferred', occurredAt: '2024-05-13T09:30:00.000Z', actor: MANAGER, data: { serviceProvider: 'Street Lighting', note: null } },
    { type: 'NoteAdded', occurredAt: '2024-05-14T12:00:00.000Z', actor: OFFICER, data: { text: 'Resident says it works again.', public: false } },
    { type: 'IssueWithdrawn', occurredAt: '2024-05-15T08:00:00.000Z', actor: MANAGER, data: { reason: 'Fixed by the contractor before the visit.' } },
    { type: 'PersonalDataErased', occurredAt: '2024-09-01T10:00:00.000Z', actor: ADMIN, data: { subjectId: '5b0c1e8a-3f4d-4c2b-9a77-1d2e3f405162' } },
  ],
};

/** Raised by letter (sealed, IssueLogged v2), assigned and referred: still open, so it can be upgraded. */
const OPEN: V1StreamFixture = {
  name: 'open, referred (IssueLogged v2, sealed)',
  issueId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3',
  reference: 'TROW-2024-00003',
  status: 'referred',
  version: 3,
  steps: [
    {
      type: 'IssueLogged',
      schemaVersion: 2,
      occurredAt: '2024-06-17T11:00:00.000Z',
      actor: MANAGER,
      data: {
        ...details('TROW-2024-00003', 'Pothole on Hilperton Road'),
        channel: 'letter',
        location: null,
        subjectId: '8e2f6a10-7b3c-4d5e-8f90-a1b2c3d4e5f6',
        personal: {
          sealed: 'A256GCM',
          subjectId: '8e2f6a10-7b3c-4d5e-8f90-a1b2c3d4e5f6',
          iv: 'URa+Gm03m/SX3ysA',
          ciphertext: 'qNE2hvv5Bq4BpVAqEzeyG73Yn17/yDx5H+/BcH6872jNq0jDdRCfqk+O82CjmwlI/KSbbm9ke3qyNgFPVV2FG8cqivqksImUkT6z',
          tag: 'GXfhd+RCdW8mi/vt/OibRw==',
        },
      },
    },
    { type: 'OfficerAssigned', occurredAt: '2024-06-18T09:00:00.000Z', actor: MANAGER, data: { officer: 'officer-7', dueBy: '2024-07-01' } },
    { type: 'IssueReferred', occurredAt: '2024-06-19T09:00:00.000Z', actor: OFFICER, data: { serviceProvider: 'Highways', note: 'Category 2 defect.' } },
  ],
};

/** Every stored version-1 history, in the order an installation took them in (their reference numbers). */
export const V1_STREAMS: readonly V1StreamFixture[] = [REOPENED, WITHDRAWN, OPEN];
export const V1_REOPENED = REOPENED;
export const V1_WITHDRAWN = WITHDRAWN;
export const V1_OPEN = OPEN;

/** The event types workflow version 1 knew: every one appears in V1_STREAMS. */
export const V1_EVENT_TYPES = [
  'IssueLogged',
  'IssueReferred',
  'BoardReviewScheduled',
  'RoundtableConvened',
  'IssueResolved',
  'OutcomeFedBack',
  'IssueReopened',
  'IssueWithdrawn',
  'OfficerAssigned',
  'NoteAdded',
  'PersonalDataErased',
] as const;

/** The stored row of one step, as the old release's write path built it. */
export function v1NewEvent(fixture: V1StreamFixture, index: number): NewEvent {
  const step = fixture.steps[index];
  const tag = `${fixture.reference}/${index + 1}`;
  return {
    id: randomUUID(),
    type: step.type,
    data: step.data,
    metadata: {
      actor: step.actor,
      occurredAt: step.occurredAt,
      correlationId: `corr-${tag}`,
      causationId: `cause-${tag}`,
      schemaVersion: step.schemaVersion ?? 1,
      workflowVersion: 1,
      ...(step.idempotencyKey !== undefined && { idempotencyKey: step.idempotencyKey }),
    },
  };
}

export interface StoreV1Options {
  /** Called before each append with the step's occurredAt: a test clock can record it a moment later. */
  readonly beforeAppend?: (occurredAt: string) => void;
  /** Called after each append (the stream and the version it reached). */
  readonly afterAppend?: (fixture: V1StreamFixture, version: number) => Promise<void> | void;
}

/**
 * Stores the histories as the old release did: the reference number taken from the area's
 * counter, then one append per command (the first claiming the reference). Expects a store
 * that has handed out no TROW-2024 numbers yet, so the numbers are the fixtures'.
 */
export async function storeV1Streams(store: EventStoreAdapter, options: StoreV1Options = {}): Promise<void> {
  for (const fixture of V1_STREAMS) {
    const [code, year, number] = fixture.reference.split('-');
    const taken = await store.next(`reference:${code}:${year}`);
    if (taken !== Number(number)) throw new Error(`the store handed out ${code}-${year} number ${taken}, the fixture holds ${fixture.reference}`);
    for (const index of fixture.steps.keys()) {
      options.beforeAppend?.(fixture.steps[index].occurredAt);
      await store.append(`issue-${fixture.issueId}`, [v1NewEvent(fixture, index)], index, index === 0 ? { uniqueKeys: [{ scope: 'reference', key: fixture.reference }] } : undefined);
      await options.afterAppend?.(fixture, index + 1);
    }
  }
}
