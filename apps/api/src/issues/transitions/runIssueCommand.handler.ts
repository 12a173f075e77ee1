import { HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '@app/event-store';
import { decide, err, type Result } from '@app/lifecycle';
import { MeetingCheck, type UncheckedTransitionCommand } from '../../meetings/meetingCheck';
import { CLOCK } from '../../store/tokens';
import type { CommandContext } from '../commandContext';
import type { CommandFailure } from '../commandFailure';
import { IssueRepository } from '../issueRepository';
import type { IssueView } from '../issueView.dto';

/** Any command on an existing issue: what differs between them is the domain's business. */
export class RunIssueCommand {
  constructor(
    readonly idOrReference: string,
    /** A meetingId it names is checked first; a board review at a meeting may leave its date to the meeting. */
    readonly command: UncheckedTransitionCommand,
    /** Required of the workflow's commands (their DTOs insist); optional for an erasure. */
    readonly expectedVersion: number | undefined,
    readonly occurredAt: string | undefined,
    readonly context: CommandContext,
  ) {}
}

/** Load the issue's stream, let the lifecycle decide, append at the version decided on. */
@CommandHandler(RunIssueCommand)
export class RunIssueCommandHandler implements ICommandHandler<RunIssueCommand, Result<IssueView, CommandFailure>> {
  constructor(
    private readonly issues: IssueRepository,
    private readonly meetings: MeetingCheck,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ idOrReference, command, expectedVersion, occurredAt, context }: RunIssueCommand): Promise<Result<IssueView, CommandFailure>> {
    const issueId = await this.issues.resolveId(idOrReference);
    if (issueId === undefined) return err({ kind: 'not-found' });
    const state = await this.issues.load(issueId);
    const checked = await this.meetings.check(command, state, context.actor);
    if (!checked.ok) return checked;
    const decided = decide(state, checked.value, { actor: context.actor, now: this.clock.now(), occurredAt, expectedVersion });
    if (!decided.ok) return decided;
    return this.issues.record(issueId, state, decided.value, context, HttpStatus.OK);
  }
}
