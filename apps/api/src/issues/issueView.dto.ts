import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, DEADLINE_STATES, type DeadlineKind, type DeadlineState, type IssueCommandName } from '@app/lifecycle';

export class RaisedByView {
  name: string;
  email?: string;
  phone?: string;
  postalAddress?: string;
  /** `en` or `cy`; absent: English. */
  language?: string;
}

export class LocationView {
  lat: number;
  lng: number;
  /** The exact address: personal data. */
  address?: string;
}

/** One service-level deadline of the issue, judged today (shared/contract/API.md, "Deadlines and service levels"). */
export class DeadlineView {
  @ApiProperty({ enum: DEADLINE_KINDS })
  kind: DeadlineKind;
  /** The day it falls due (`YYYY-MM-DD`, Europe/London): the target's working days after it started, plus paused working days. */
  @ApiProperty({ example: '2026-12-01' })
  dueAt: string;
  /** The target, in working days, of the issue's policy version for its area and category. */
  workingDays: number;
  /** Working days the clock was paused (awaiting the resident, a board meeting still ahead), added to the target. */
  pausedDays: number;
  /** running, paused, met (its ending event came by dueAt) or missed. */
  @ApiProperty({ enum: DEADLINE_STATES })
  state: DeadlineState;
}

/** The issue read model of the contract (GET /issues/:id and every command's answer). */
export class IssueView {
  id: string;
  /** `<AREA CODE>-<YYYY>-<NNNNN>`, e.g. TROW-2026-00042. */
  reference: string;
  title: string;
  description: string;
  category: string;
  areaId: string;
  channel: string;
  /** logged, referred, boardReview, roundtable, resolved, fedBack or withdrawn; from workflow version 2 also awaitingResident. */
  status: string;
  /** The number of events in the issue's stream: send it back as `expectedVersion`. */
  version: number;
  loggedAt: string;
  updatedAt: string;
  raisedBy: RaisedByView;
  location: LocationView | null;
  serviceProvider: string | null;
  officer: string | null;
  dueBy: string | null;
  outcome: string | null;
  resolvedAt: string | null;
  fedBackAt: string | null;
  /** The commands the issue's status allows under its workflow version, by their path names. */
  allowedCommands: IssueCommandName[];
  /** The workflow version the issue is decided under (an admin's upgrade-workflow moves it to the newest). */
  workflowVersion: number;
  /** The service-level policy version the issue was logged under; null: logged before service levels, no deadlines. */
  @ApiProperty({ type: String, nullable: true, example: '2026-1' })
  policyVersion: string | null;
  /** Its current deadlines: the first acknowledge, and this cycle's resolve and (once resolved) feedBack. Empty without a policy. */
  @ApiProperty({ type: () => [DeadlineView] })
  deadlines: DeadlineView[];
}
