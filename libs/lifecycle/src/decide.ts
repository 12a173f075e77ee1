import { type Actor } from './actor';
import { allowedCommands } from './allowedCommands';
import { authorize, type AuthorizationError } from './authorization';
import type { IssueCommand, IssueCommandName } from './issueCommands';
import { EVENT_OF_COMMAND, type IssueEvent, LATEST_WORKFLOW_VERSION } from './issueEvents';
import type { IssueState } from './issueState';
import type { MachineStatus } from './issueStatus';
import { canTake } from './machineQueries';
import { resolveOccurredAt, type OccurredAtError } from './occurredAt';
import { isErasedPersonalData } from './personalData';
import { err, ok, type Result } from './result';

export interface DecisionContext {
  readonly actor: Actor;
  /** The injected clock's reading: the domain never reads the time itself. */
  readonly now: Date;
  /** When the caller says it happened (ISO 8601); defaults to `now`. */
  readonly occurredAt?: string;
  /** The version the caller last saw; required for every command but intake. */
  readonly expectedVersion?: number;
}

export type DecisionError =
  | { readonly kind: 'not-found' }
  | AuthorizationError
  | { readonly kind: 'version-conflict'; readonly expectedVersion: number; readonly currentVersion: number }
  | {
      readonly kind: 'illegal-transition';
      readonly command: IssueCommand['type'];
      readonly status: MachineStatus;
      readonly allowedCommands: IssueCommandName[];
    }
  | OccurredAtError;

/**
 * May this actor run this command on this state, and which events result? Checks run in the
 * order a caller can act on them: existence, permission, staleness, the lifecycle, then dates.
 */
export function decide(
  state: IssueState,
  command: IssueCommand,
  context: DecisionContext,
): Result<IssueEvent[], DecisionError> {
  if (state.status === 'none' && command.type !== 'log') return err({ kind: 'not-found' });

  const areaId = state.status === 'none' ? (command as Extract<IssueCommand, { type: 'log' }>).data.areaId : state.areaId;
  const denied = authorize(context.actor, command, areaId);
  if (denied) return err(denied);

  const { expectedVersion } = context;
  if (expectedVersion !== undefined && expectedVersion !== state.version) {
    return err({ kind: 'version-conflict', expectedVersion, currentVersion: state.version });
  }

  // An issue is decided under its own workflow version; the upgrade, and a new issue, under the newest.
  const version = state.status === 'none' || command.type === 'upgrade-workflow' ? LATEST_WORKFLOW_VERSION : state.workflowVersion;
  if (!canTake(version, state, EVENT_OF_COMMAND[command.type])) {
    return err({
      kind: 'illegal-transition',
      command: command.type,
      status: state.status,
      allowedCommands: allowedCommands(state),
    });
  }

  const occurredAt = resolveOccurredAt(context.occurredAt, {
    now: context.now,
    actor: context.actor,
    previous: state.status === 'none' ? undefined : state.updatedAt,
  });
  if (!occurredAt.ok) return occurredAt;

  // Erasing twice destroys nothing more: the second is answered without a new event.
  if (command.type === 'erase-personal-data' && state.status !== 'none' && isErasedPersonalData(state.personal)) return ok([]);
  // Already under the newest rules: nothing to record.
  if (command.type === 'upgrade-workflow' && state.status !== 'none' && state.workflowVersion === LATEST_WORKFLOW_VERSION) return ok([]);

  // A dispute reopens the issue: the resident's reason is the reopening's.
  if (command.type === 'record-confirmation' && !command.data.confirmed) {
    const reason = command.data.reason ?? '';
    return ok([
      { type: 'OutcomeDisputed', occurredAt: occurredAt.value, data: { reason, channel: command.data.channel, tokenId: command.data.tokenId ?? null } },
      { type: 'IssueReopened', occurredAt: occurredAt.value, data: { reason: `Disputed by the resident: ${reason}` } },
    ]);
  }

  return ok([factOf(command, occurredAt.value, state)]);
}

/** The fact a command records, copied field by field so nothing unexpected is ever stored. */
function factOf(command: IssueCommand, occurredAt: string, state: IssueState): IssueEvent {
  switch (command.type) {
    case 'log': {
      const { reference, title, description, category, areaId, channel, location, raisedBy, policyVersion } = command.data;
      return {
        type: 'IssueLogged',
        occurredAt,
        data: {
          reference,
          title,
          description,
          category,
          areaId,
          channel,
          location: location ? { lat: location.lat, lng: location.lng } : null,
          // The write path seals `personal` under the resident's key and names the subject.
          subjectId: null,
          personal: {
            raisedBy: {
              name: raisedBy.name,
              ...(raisedBy.email !== undefined && { email: raisedBy.email }),
              ...(raisedBy.phone !== undefined && { phone: raisedBy.phone }),
              ...(raisedBy.postalAddress !== undefined && { postalAddress: raisedBy.postalAddress }),
              ...(raisedBy.language !== undefined && { language: raisedBy.language }),
            },
            address: location?.address ?? null,
          },
          workflowVersion: LATEST_WORKFLOW_VERSION,
          policyVersion: policyVersion ?? null,
        },
      };
    }
    case 'refer':
      return {
        type: 'IssueReferred',
        occurredAt,
        data: { serviceProvider: command.data.serviceProvider, note: command.data.note ?? null, ...atMeeting(command.data) },
      };
    case 'board-review':
      return { type: 'BoardReviewScheduled', occurredAt, data: { meetingDate: command.data.meetingDate, report: command.data.report, ...atMeeting(command.data) } };
    case 'roundtable':
      return { type: 'RoundtableConvened', occurredAt, data: { date: command.data.date, participants: [...command.data.participants], ...atMeeting(command.data) } };
    case 'resolve':
      return { type: 'IssueResolved', occurredAt, data: { outcome: command.data.outcome, ...atMeeting(command.data) } };
    case 'feed-back':
      return { type: 'OutcomeFedBack', occurredAt, data: { message: command.data.message, channel: command.data.channel } };
    case 'reopen':
      return { type: 'IssueReopened', occurredAt, data: { reason: command.data.reason } };
    case 'withdraw':
      return { type: 'IssueWithdrawn', occurredAt, data: { reason: command.data.reason } };
    case 'assign':
      return { type: 'OfficerAssigned', occurredAt, data: { officer: command.data.officer, dueBy: command.data.dueBy } };
    case 'notes':
      return { type: 'NoteAdded', occurredAt, data: { text: command.data.text, public: command.data.public } };
    case 'erase-personal-data':
      return { type: 'PersonalDataErased', occurredAt, data: { subjectId: state.status === 'none' ? null : state.subjectId } };
    case 'await-resident':
      return { type: 'ResidentAsked', occurredAt, data: { question: command.data.question } };
    case 'resident-replied':
      return { type: 'ResidentReplied', occurredAt, data: { answer: command.data.answer } };
    case 'record-confirmation':
      // A dispute is decided above; here the answer is a confirmation.
      return { type: 'OutcomeConfirmed', occurredAt, data: { channel: command.data.channel, tokenId: command.data.tokenId ?? null } };
    case 'upgrade-workflow':
      return { type: 'WorkflowUpgraded', occurredAt, data: { from: state.status === 'none' ? LATEST_WORKFLOW_VERSION : state.workflowVersion, to: LATEST_WORKFLOW_VERSION } };
  }
}

/** The meeting a decision was taken at, only when there was one: events without stay as they always were. */
function atMeeting(data: { readonly meetingId?: string }): { meetingId?: string } {
  return data.meetingId !== undefined ? { meetingId: data.meetingId } : {};
}
