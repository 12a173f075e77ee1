import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@app/lifecycle';
import { Roles } from '../auth/access.decorator';
import { TokenInQuery } from '../auth/access.guard';
import { RequestActor } from '../auth/requestActor';
import { LiveFeed } from './liveFeed';
import { LiveFeedQuery } from './liveFeedQuery.dto';

@ApiTags('live')
@Controller('events')
export class LiveFeedController {
  constructor(private readonly feed: LiveFeed) {}

  /**
   * Server-Sent Events, one per event appended from now on (or after `Last-Event-ID`), in the
   * store's order: `id:` the event's checkpoint (opaque), `data:` `{ type, issueId, status, globalPosition }`
   * (`status`: the status once the event is applied), or `{ type, areaId, globalPosition }`
   * for an area's own events. Only events of the areas the token serves. A `: keep-alive` comment
   * every 15 s; a client that reads too slowly is disconnected and resumes by `Last-Event-ID`.
   */
  @Get('stream')
  @Roles('viewer', 'areaManager', 'boardChair', 'officer', 'auditor')
  @TokenInQuery()
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume right after this event (browsers send it when they reconnect)' })
  @ApiOkResponse({ description: 'The event stream (text/event-stream), open until the client leaves', schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'Last-Event-ID names no event of this feed, or an unknown query field' })
  @ApiUnauthorizedResponse({ description: 'Missing, malformed, expired or wrongly signed token (header or access_token)' })
  @ApiForbiddenResponse({ description: 'The role may not follow the feed' })
  @ApiServiceUnavailableResponse({ description: 'The event store cannot be read just now' })
  async stream(
    @Query() _query: LiveFeedQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @RequestActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    await this.feed.open(response, actor, lastEventId);
  }
}
