import { EVENT_SCHEMA_VERSION, isIssueEventType, type IssueEvent, type IssueEventType } from './issueEvents';

/** An event as a store hands it back: its type, data and the schema version it was written with. */
export interface RecordedFact {
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
  readonly schemaVersion: number;
}

/** A stored event this code cannot read: an unknown type, or a version newer than it knows. */
export class UnknownEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownEventError';
  }
}

type Upcaster = (data: unknown) => unknown;

/**
 * Upcasters by event type and the version they upgrade *from*; when an event's shape changes,
 * add `{ IssueX: { 1: (v1) => v2 } }` here.
 */
const UPCASTERS: Partial<Record<IssueEventType, Record<number, Upcaster>>> = {
  IssueLogged: {
    // v1 kept the resident's details in plaintext and had no subject: they stay as they were.
    1: (data) => ({ ...(data as object), subjectId: null }),
    // v2 issues were all decided under workflow version 1, before service levels existed.
    2: (data) => ({ ...(data as object), workflowVersion: 1, policyVersion: null }),
  },
};

/** Read a stored event as today's shape, upgrading old schema versions one step at a time. */
export function upcast(fact: RecordedFact): IssueEvent {
  const { type, occurredAt } = fact;
  if (!isIssueEventType(type)) throw new UnknownEventError(`unknown event type ${type}`);
  const current = EVENT_SCHEMA_VERSION[type];
  if (fact.schemaVersion > current) {
    throw new UnknownEventError(`${type} v${fact.schemaVersion} is newer than this code knows (v${current})`);
  }
  let data = fact.data;
  for (let version = fact.schemaVersion; version < current; version++) {
    const step = UPCASTERS[type]?.[version];
    if (!step) throw new UnknownEventError(`no upcaster for ${type} v${version}`);
    data = step(data);
  }
  return { type, data, occurredAt } as IssueEvent;
}
