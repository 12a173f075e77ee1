import { Inject, Injectable } from '@nestjs/common';
import { DuplicateKeyError, type EventStoreAdapter, IdempotencyClaimLostError, StoreBusyError, WrongExpectedVersionError } from '@app/event-store';
import { err, evolve, foldIssue, type Issue, type IssueEvent, type IssueState, ok, type Result } from '@app/lifecycle';
import { EVENT_STORE } from '../store/tokens';
import { type CommandContext, provenanceOf } from './commandContext';
import type { CommandFailure } from './commandFailure';
import type { IssueView } from './issueView.dto';
import { IssueViewRenderer } from './issueViewRenderer';
import { PersonalDataVault } from '@app/personal-data';
import { isReference, issueIdOf, REFERENCE_KEY, RESIDENT_LINK_KEY, streamIdOf, toIssueEvent, toNewEvents } from '@app/streams';
import { storedAnswer } from './storedAnswer';

/** Loads an issue by folding its own stream, and records what a command decided. */
@Injectable()
export class IssueRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStoreAdapter,
    private readonly vault: PersonalDataVault,
    private readonly views: IssueViewRenderer,
  ) {}

  /** The issue id behind an id or a reference; undefined for a reference nobody holds. */
  async resolveId(idOrReference: string): Promise<string | undefined> {
    if (!isReference(idOrReference)) return idOrReference;
    const streamId = await this.store.streamOf(REFERENCE_KEY, idOrReference);
    return streamId && issueIdOf(streamId);
  }

  async load(issueId: string): Promise<IssueState> {
    const stored = await this.store.readStream(streamIdOf(issueId));
    return foldIssue(stored.map(toIssueEvent));
  }

  /**
   * Appends the events at the version they were decided on, so a concurrent command that got
   * in first makes this one fail rather than both succeed. The answer is computed before the
   * append and, under an Idempotency-Key, stored in the same transaction, unrendered (its
   * personal data sealed). Every writer comes through here, so this is where IssueLogged's
   * personal data is sealed (before it is hashed), and where an erasure destroys the key, in
   * the append's own transaction.
   */
  async record(
    issueId: string,
    decidedOn: IssueState,
    events: IssueEvent[],
    context: CommandContext,
    successStatus: number,
  ): Promise<Result<IssueView, CommandFailure>> {
    const sealed = await this.vault.sealEvents(events);
    const issue = sealed.reduce(evolve, decidedOn) as Issue;
    const provenance = provenanceOf(context);
    const claimed = context.idempotency;
    if (sealed.length === 0) {
      // Nothing to record (a repeated erasure): nothing to keep under the key either.
      if (claimed) await this.store.release(claimed.scope, claimed.key, claimed.claimToken);
      return ok(await this.views.render(issueId, issue));
    }
    const shredSubjects = sealed.flatMap((event) => (event.type === 'PersonalDataErased' && event.data.subjectId !== null ? [event.data.subjectId] : []));
    // A resident's link answers once: its token id is taken with the answer, in the same transaction.
    const linkKeys = sealed.flatMap((event) =>
      (event.type === 'OutcomeConfirmed' || event.type === 'OutcomeDisputed') && event.data.tokenId !== null ? [{ scope: RESIDENT_LINK_KEY, key: event.data.tokenId }] : [],
    );
    const uniqueKeys = [...(decidedOn.status === 'none' ? [{ scope: REFERENCE_KEY, key: issue.reference }] : []), ...linkKeys];
    try {
      await this.store.append(
        streamIdOf(issueId),
        toNewEvents(decidedOn, sealed, provenance),
        decidedOn.version,
        {
          ...(claimed && { idempotency: { ...claimed, outcome: storedAnswer(successStatus, this.views.toStored(issueId, issue)) } }),
          // The reference is taken with the first event: it can never name two issues.
          ...(uniqueKeys.length > 0 && { uniqueKeys }),
          ...(shredSubjects.length > 0 && { shredSubjects }),
        },
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        return err({ kind: 'version-conflict', expectedVersion: decidedOn.version, currentVersion: error.currentVersion });
      }
      if (error instanceof IdempotencyClaimLostError) {
        return err({ kind: 'idempotency-conflict', message: 'another request with this Idempotency-Key took over; retry to get its answer' });
      }
      if (error instanceof StoreBusyError) return err({ kind: 'store-busy' });
      if (error instanceof DuplicateKeyError && error.scope === RESIDENT_LINK_KEY) {
        return err({ kind: 'link-refused', message: 'this link has already been used: each answers once' });
      }
      throw error;
    }
    this.vault.forget(shredSubjects);
    return ok(await this.views.render(issueId, issue));
  }
}
