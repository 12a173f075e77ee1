import { Inject, Injectable } from '@nestjs/common';
import { type EventStoreAdapter, IdempotencyClaimLostError, StoreBusyError, WrongExpectedVersionError } from '@app/event-store';
import { err, foldMeeting, type MeetingEvent, type MeetingState, ok, type Result } from '@app/lifecycle';
import { isMeetingId, meetingStreamIdOf, toMeetingEvent, toNewMeetingEvent } from '@app/streams';
import type { Settings } from '../config/settings';
import { type CommandContext, provenanceOf } from '../issues/commandContext';
import type { CommandFailure } from '../issues/commandFailure';
import { storedAnswer } from '../issues/storedAnswer';
import { EVENT_STORE, SETTINGS } from '../store/tokens';

/** What a successful command answers; kept with its events under an Idempotency-Key. */
export interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

/** Loads a board meeting by folding its own stream (read-your-writes), and records what was decided. */
@Injectable()
export class MeetingRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStoreAdapter,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** The area boards are settings (AREAS_FILE): a meeting is scheduled only for one of them. */
  areaNamed(areaId: string): { readonly id: string; readonly name: string } | undefined {
    return this.settings.areas.find((area) => area.id === areaId);
  }

  /** The meeting as its stream has it; an id that is no meeting id names nothing and is never looked up. */
  async load(meetingId: string): Promise<MeetingState> {
    if (!isMeetingId(meetingId)) return foldMeeting([]);
    const stored = await this.store.readStream(meetingStreamIdOf(meetingId));
    return foldMeeting(stored.map(toMeetingEvent));
  }

  /**
   * Appends at the version the events were decided on: of two concurrent writers one gets 409,
   * never both through. The answer goes in the same transaction.
   */
  async record<T>(meetingId: string, decidedOn: MeetingState, events: MeetingEvent[], context: CommandContext, answer: Answer<T>): Promise<Result<T, CommandFailure>> {
    const claimed = context.idempotency;
    try {
      await this.store.append(
        meetingStreamIdOf(meetingId),
        events.map((event) => toNewMeetingEvent(event, provenanceOf(context))),
        decidedOn.version,
        claimed && { idempotency: { ...claimed, outcome: storedAnswer(answer.status, answer.body) } },
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        return err({ kind: 'version-conflict', of: 'meeting', expectedVersion: decidedOn.version, currentVersion: error.currentVersion });
      }
      if (error instanceof IdempotencyClaimLostError) {
        return err({ kind: 'idempotency-conflict', message: 'another request with this Idempotency-Key took over; retry to get its answer' });
      }
      if (error instanceof StoreBusyError) return err({ kind: 'store-busy' });
      throw error;
    }
    return ok(answer.body);
  }
}
