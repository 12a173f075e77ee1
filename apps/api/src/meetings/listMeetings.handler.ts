import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listMeetings, MEETINGS_PROJECTION, type MeetingPeriod, type ProjectionHost, type ReadModelDb } from '@app/projections';
import { PROJECTION_HOST, READ_MODELS } from '../store/tokens';
import { MeetingRepository } from './meetingRepository';
import type { MeetingListView } from './meetingViews.dto';

export class ListMeetings {
  constructor(
    readonly areaId: string,
    /** Instants in UTC, already checked. */
    readonly period: MeetingPeriod,
  ) {}
}

/** An area's meetings in a period, soonest first, from the meetings projection. */
@QueryHandler(ListMeetings)
export class ListMeetingsHandler implements IQueryHandler<ListMeetings, MeetingListView> {
  constructor(
    private readonly meetings: MeetingRepository,
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
  ) {}

  async execute({ areaId, period }: ListMeetings): Promise<MeetingListView> {
    if (!this.meetings.areaNamed(areaId)) throw new NotFoundException('no area with this id');
    // The position first: the rows read after it are at least that fresh.
    const asOfPosition = await this.host.positionOf(MEETINGS_PROJECTION);
    const items = await listMeetings(this.db, areaId, period);
    return { items: items.map((meeting) => ({ ...meeting, ...(meeting.minutes && { minutes: { ...meeting.minutes } }) })), asOfPosition };
  }
}
