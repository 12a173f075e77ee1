import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Clock } from '@app/event-store';
import { decide, err, type IssueCommand, NO_ISSUE, type Result } from '@app/lifecycle';
import type { ServiceLevelRegistry } from '@app/service-levels';
import type { Settings } from '../../config/settings';
import { CLOCK, SERVICE_LEVELS, SETTINGS } from '../../store/tokens';
import type { CommandContext } from '../commandContext';
import type { CommandFailure } from '../commandFailure';
import { IssueRepository } from '../issueRepository';
import type { IssueView } from '../issueView.dto';
import type { LogIssueDto } from './logIssue.dto';
import { ReferenceNumbers } from './referenceNumbers';

export class LogIssue {
  constructor(
    readonly body: LogIssueDto,
    readonly context: CommandContext,
  ) {}
}

/** Intake: a new stream whose first event is IssueLogged, with a freshly allocated reference. */
@CommandHandler(LogIssue)
export class LogIssueHandler implements ICommandHandler<LogIssue, Result<IssueView, CommandFailure>> {
  constructor(
    private readonly issues: IssueRepository,
    private readonly references: ReferenceNumbers,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(SERVICE_LEVELS) private readonly serviceLevels: ServiceLevelRegistry,
  ) {}

  async execute({ body, context }: LogIssue): Promise<Result<IssueView, CommandFailure>> {
    const { occurredAt, location, raisedBy, ...fields } = body;
    const area = this.settings.areas.find((candidate) => candidate.id === body.areaId);
    if (!area) return err({ kind: 'unknown-area', areaId: body.areaId });

    // The issue keeps the policy in force now: its deadlines are judged by it for good.
    const policyVersion = this.serviceLevels.inForce.version;
    const command = (reference: string): IssueCommand => ({
      type: 'log',
      data: { ...fields, reference, raisedBy: { ...raisedBy }, ...(location && { location: { ...location } }), policyVersion },
    });
    const decisionContext = { actor: context.actor, now: this.clock.now(), occurredAt };

    // Decide before allocating, so refused intakes use up no reference number; then again with
    // the reference, at the same instant, which can only succeed the same way.
    const trial = decide(NO_ISSUE, command(''), decisionContext);
    if (!trial.ok) return trial;
    // Nobody vouches for an unsigned caller's dates: an anonymous issue is logged when it arrives.
    if (occurredAt !== undefined && context.actor.kind === 'anonymous') {
      return err({ kind: 'invalid-occurred-at', message: 'occurredAt may not be set anonymously: sign in to record when something happened' });
    }
    const loggedAt = trial.value[0].occurredAt;
    const reference = await this.references.allocate(area, loggedAt);
    const decided = decide(NO_ISSUE, command(reference), { ...decisionContext, occurredAt: loggedAt });
    if (!decided.ok) return decided;

    return this.issues.record(randomUUID(), NO_ISSUE, decided.value, context, HttpStatus.CREATED);
  }
}
