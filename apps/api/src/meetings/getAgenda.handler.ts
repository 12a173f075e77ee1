import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { agendaItems, MEETINGS_PROJECTION, type ProjectionHost, PUBLIC_TRACKER, type ReadModelDb } from '@app/projections';
import { PROJECTION_HOST, READ_MODELS } from '../store/tokens';
import { MeetingRepository } from './meetingRepository';
import { meetingViewOf } from './meetingView';
import type { AgendaView } from './meetingViews.dto';
import { STANDING_ITEMS } from './standingItems';

export class GetAgenda {
  constructor(readonly meetingId: string) {}
}

/**
 * A meeting's agenda: the meeting from its own stream, the issues put to it from the meetings
 * projection joined with the public tracker's (so nothing personal can reach it), then the
 * standing items.
 */
@QueryHandler(GetAgenda)
export class GetAgendaHandler implements IQueryHandler<GetAgenda, AgendaView> {
  constructor(
    private readonly meetings: MeetingRepository,
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
  ) {}

  async execute({ meetingId }: GetAgenda): Promise<AgendaView> {
    const state = await this.meetings.load(meetingId);
    if (state.version === 0) throw new NotFoundException('no meeting with this id');
    // The positions first: the rows read after them are at least as fresh as the one further behind.
    const positions = await Promise.all([this.host.positionOf(MEETINGS_PROJECTION), this.host.positionOf(PUBLIC_TRACKER)]);
    const items = await agendaItems(this.db, meetingId);
    return {
      meeting: meetingViewOf(meetingId, state),
      items: items.map((item) => ({ ...item })),
      standingItems: STANDING_ITEMS.map((item) => ({ ...item })),
      asOfPosition: Math.min(...positions),
    };
  }
}
