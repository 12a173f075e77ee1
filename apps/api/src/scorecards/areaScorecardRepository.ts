import { Inject, Injectable } from '@nestjs/common';
import { type EventStoreAdapter, IdempotencyClaimLostError, StoreBusyError, WrongExpectedVersionError } from '@app/event-store';
import { err, foldScorecard, ok, type Result, type ScorecardEvent, type ScorecardState } from '@app/lifecycle';
import { areaStreamIdOf, toAreaEvent, toNewAreaEvent } from '@app/streams';
import type { Settings } from '../config/settings';
import { type CommandContext, provenanceOf } from '../issues/commandContext';
import type { CommandFailure } from '../issues/commandFailure';
import { EVENT_STORE, SETTINGS } from '../store/tokens';
import { storedAnswer } from '../issues/storedAnswer';

/** What a successful command answers; kept with its events under an Idempotency-Key. */
export interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

/** Loads an area's scorecard by folding the area's own stream, and records what was decided. */
@Injectable()
export class AreaScorecardRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStoreAdapter,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** The area boards are settings (AREAS_FILE): an area's stream exists only for one of them. */
  isKnownArea(areaId: string): boolean {
    return this.settings.areas.some((area) => area.id === areaId);
  }

  async load(areaId: string): Promise<ScorecardState> {
    const stored = await this.store.readStream(areaStreamIdOf(areaId));
    return foldScorecard(stored.map(toAreaEvent));
  }

  /**
   * Appends at the version the events were decided on, even when the caller named none: of two
   * concurrent writers one gets 409, never both through. The answer goes in the same transaction.
   */
  async record<T>(
    areaId: string,
    decidedOn: ScorecardState,
    events: ScorecardEvent[],
    context: CommandContext,
    answer: Answer<T>,
  ): Promise<Result<T, CommandFailure>> {
    const provenance = provenanceOf(context);
    const claimed = context.idempotency;
    try {
      await this.store.append(
        areaStreamIdOf(areaId),
        events.map((event) => toNewAreaEvent(event, provenance)),
        decidedOn.version,
        claimed && { idempotency: { ...claimed, outcome: storedAnswer(answer.status, answer.body) } },
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        return err({ kind: 'version-conflict', of: 'area', expectedVersion: decidedOn.version, currentVersion: error.currentVersion });
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
