import { IssueView } from '../issues/issueView.dto';

export class HistoryActorView {
  id: string;
  /** A staff role, `resident` or `system`. */
  role: string;
}

/** One stored event, as an auditor checks it. */
export class HistoryEventView {
  /** 1-based position in the issue's stream. */
  version: number;
  /** Position in the whole store. */
  globalPosition: number;
  type: string;
  /** When it happened, as its caller said (ISO 8601). */
  occurredAt: string | null;
  /** When the store wrote it (ISO 8601): what `state?at=` goes by. */
  recordedAt: string;
  actor: HistoryActorView | null;
  /** The event's data; personal data revealed, or "[erased]" once erased. */
  data: unknown;
  correlationId: string | null;
  causationId: string | null;
  /** SHA-256 over the event and `prevHash`: the stream's hash chain. */
  hash: string;
  /** The previous event's `hash`; null for the first. */
  prevHash: string | null;
}

/** GET /issues/:id/history: every event of the issue's stream, in order. */
export class IssueHistoryView {
  id: string;
  reference: string | null;
  events: HistoryEventView[];
}

/** GET /issues/:id/state?at=: the issue read model as the system knew it then. */
export class IssueStateView extends IssueView {
  /** The instant asked for (ISO 8601, UTC). */
  asOf: string;
}
