import { HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '@app/event-store';
import { decide, err, type IssueCommand, type Result } from '@app/lifecycle';
import { CLOCK } from '../../store/tokens';
import type { CommandContext } from '../commandContext';
import type { CommandFailure } from '../commandFailure';
import { IssueRepository } from '../issueRepository';
import type { IssueView } from '../issueView.dto';

/** Any command on an existing issue: what differs between them is the domain's business. */
export class RunIssueCommand {
  constructor(
    readonly idOrReference: string,
    readonly command: Exclude<IssueCommand, { type: 'log' }>,
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
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ idOrReference, command, expectedVersion, occurredAt, context }: RunIssueCommand): Promise<Result<IssueView, CommandFailure>> {
    const issueId = await this.issues.resolveId(idOrReference);
    if (issueId === undefined) return err({ kind: 'not-found' });
    const state = await this.issues.load(issueId);
    const decided = decide(state, command, { actor: context.actor, now: this.clock.now(), occurredAt, expectedVersion });
    if (!decided.ok) return decided;
    return this.issues.record(issueId, state, decided.value, context, HttpStatus.OK);
  }
}
