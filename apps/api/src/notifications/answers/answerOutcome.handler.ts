import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock, EventStoreAdapter } from '@app/event-store';
import { err, ok, RESIDENT, type Result } from '@app/lifecycle';
import { streamIdOf } from '@app/streams';
import { CLOCK, EVENT_STORE, OUTBOX } from '../../store/tokens';
import type { CommandContext } from '../../issues/commandContext';
import type { CommandFailure } from '../../issues/commandFailure';
import { IssueRepository } from '../../issues/issueRepository';
import type { IssueView } from '../../issues/issueView.dto';
import { RunIssueCommand } from '../../issues/transitions/runIssueCommand.handler';
import type { Outbox } from '../openOutbox';
import type { ResidentAnswerView } from './residentAnswer.dto';

/** The resident answers the outcome by a link from its message: confirmed, or disputed with a reason. */
export class AnswerOutcome {
  constructor(
    readonly reference: string,
    readonly token: string,
    readonly answer: { readonly confirmed: true } | { readonly confirmed: false; readonly reason: string },
    readonly context: CommandContext,
  ) {}
}

const REFUSALS = {
  forged: 'this link is not genuine: use the link in the message exactly as it came',
  expired: 'this link has expired (links work for 60 days): please contact the council',
  'other-issue': 'this link belongs to another issue',
} as const;

/**
 * Checks the link before anything is decided: signed by us, unexpired, for this issue, from the
 * latest outcome message (an earlier one's links no longer apply), and not answered before.
 * Then the lifecycle records the answer as the resident, taking the token's id as a unique key
 * of the issue, so two clicks at once still answer once.
 */
@CommandHandler(AnswerOutcome)
export class AnswerOutcomeHandler implements ICommandHandler<AnswerOutcome, Result<ResidentAnswerView, CommandFailure>> {
  constructor(
    private readonly issues: IssueRepository,
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStoreAdapter,
    @Inject(OUTBOX) private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ reference, token, answer, context }: AnswerOutcome): Promise<Result<ResidentAnswerView, CommandFailure>> {
    const issueId = await this.issues.resolveId(reference);
    if (issueId === undefined) return err({ kind: 'not-found' });
    const checked = this.outbox.links.check(token, reference, this.clock.now());
    if ('refused' in checked) return err({ kind: 'link-refused', message: REFUSALS[checked.refused] });
    if (checked.issueId !== issueId) return err({ kind: 'link-refused', message: REFUSALS['other-issue'] });

    const events = await this.store.readStream(streamIdOf(issueId));
    const answered = events.some(
      (event) => (event.type === 'OutcomeConfirmed' || event.type === 'OutcomeDisputed') && (event.data as { tokenId?: unknown }).tokenId === checked.tokenId,
    );
    if (answered) return err({ kind: 'link-refused', message: 'this link has already been used: each answers once' });
    const latestFeedback = events.filter((event) => event.type === 'OutcomeFedBack').pop();
    if (latestFeedback?.id !== checked.tokenId) {
      return err({ kind: 'link-refused', message: 'this link is from an earlier message about this issue and no longer applies' });
    }

    const command = {
      type: 'record-confirmation',
      data: { ...answer, channel: 'email', tokenId: checked.tokenId },
    } as const;
    const result: Result<IssueView, CommandFailure> = await this.commandBus.execute(
      new RunIssueCommand(issueId, command, undefined, undefined, { ...context, actor: RESIDENT }),
    );
    if (!result.ok) {
      // Staff reopened the issue since the message was sent: its outcome is no longer there to answer.
      if (result.error.kind === 'illegal-transition') {
        return err({ kind: 'link-refused', message: `this link no longer applies: the issue is ${result.error.status} again` });
      }
      return result;
    }
    return ok({ reference: result.value.reference, status: result.value.status });
  }
}
