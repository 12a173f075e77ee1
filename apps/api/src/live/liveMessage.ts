import type { GlobalEvent } from '@app/event-store';
import { type Actor, type IssueStatus, servesArea, UnknownEventError } from '@app/lifecycle';
import { areaIdOf, isAreaStream, isIssueStream, issueIdOf } from '@app/streams';
import type { IssueStatusCache } from './issueStatusCache';

/** One event of an issue's stream, as the feed's `data:` line says it. */
export interface IssueEventMessage {
  readonly type: string;
  readonly issueId: string;
  /** The issue's status once this event is applied; null if its stream cannot be folded. */
  readonly status: IssueStatus | null;
  readonly globalPosition: number;
}

/** One event of an area's own stream (its scorecard). */
export interface AreaEventMessage {
  readonly type: string;
  readonly areaId: string;
  readonly globalPosition: number;
}

export type LiveMessage = IssueEventMessage | AreaEventMessage;

/** What the feed says of an event, and which area it belongs to (to whom it may be said). */
export interface DescribedEvent {
  readonly areaId: string;
  readonly message: LiveMessage;
}

/** Turns stored events into feed messages; streams of other kinds are not part of the feed. */
export class LiveMessages {
  constructor(
    private readonly statuses: IssueStatusCache,
    private readonly warn: (message: string) => void,
  ) {}

  /** The message for a client with this actor's areas, or null when the event is not theirs to see. */
  async forActor(event: GlobalEvent, actor: Actor): Promise<LiveMessage | null> {
    const described = await this.describe(event);
    return described && servesArea(actor, described.areaId) ? described.message : null;
  }

  async describe(event: GlobalEvent): Promise<DescribedEvent | null> {
    const { type, globalPosition, streamId } = event;
    if (isAreaStream(streamId)) {
      const areaId = areaIdOf(streamId);
      return { areaId, message: { type, areaId, globalPosition } };
    }
    if (!isIssueStream(streamId)) return null;
    const issueId = issueIdOf(streamId);
    try {
      const state = await this.statuses.after(event);
      const areaId = state.status === 'none' ? '' : state.areaId;
      return { areaId, message: { type, issueId, status: state.status === 'none' ? null : state.status, globalPosition } };
    } catch (error) {
      // A store that cannot be read ends the client's stream (it resumes by Last-Event-ID).
      if (!(error instanceof UnknownEventError)) throw error;
      // An event the domain cannot read (unknown type or version): the auditors' verify reports it;
      // the feed still says it happened, without a status, to staff of every area only.
      this.statuses.forget(streamId);
      this.warn(`live feed: cannot fold ${streamId} at version ${event.version}: ${error.message}`);
      return { areaId: '', message: { type, issueId, status: null, globalPosition } };
    }
  }
}
