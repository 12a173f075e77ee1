import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { type ProjectionHost, PUBLIC_TRACKER, publicIssue, type ReadModelDb, youSaidWeDid } from '@app/projections';
import { isReference } from '@app/streams';
import { AllowAnonymous } from '../auth/access.decorator';
import type { Settings } from '../config/settings';
import { PROJECTION_HOST, READ_MODELS, SETTINGS } from '../store/tokens';
import { PublicIssueView, YouSaidWeDidView } from './publicViews.dto';
import { YouSaidWeDidQuery } from './youSaidWeDid.dto';

export const DEFAULT_LIMIT = 50;

/**
 * What anyone may read, signed in or not: the public tracker and "you said, we did". Both read
 * the public-tracker projection only, whose tables hold no personal data at all.
 */
@ApiTags('public')
@Controller('public')
@ApiTooManyRequestsResponse({ description: 'Anonymous rate limit (INTAKE_RATE_LIMIT a minute per route)' })
export class PublicController {
  constructor(
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** An issue's public tracker by its reference: status, timeline of status changes and public notes, and the outcome once resolved. A projection: `asOfPosition` says how far it has caught up. */
  @Get('issues/:reference')
  @AllowAnonymous()
  @ApiParam({ name: 'reference', description: 'The reference given at intake, e.g. TROW-2026-00042 (exactly as given: capitals)' })
  @ApiOkResponse({ type: PublicIssueView })
  @ApiNotFoundResponse({ description: 'No issue has this reference (or it is not a reference at all)' })
  async issue(@Param('reference') reference: string): Promise<PublicIssueView> {
    // The position first: the rows read after it are at least that fresh.
    const asOfPosition = await this.host.positionOf(PUBLIC_TRACKER);
    // Anything not shaped like a reference names nothing, and never reaches the database.
    const found = isReference(reference) ? await publicIssue(this.db, reference) : undefined;
    if (!found) throw new NotFoundException('no issue with this reference');
    return { ...found, asOfPosition };
  }

  /** "You said, we did": resolved and fed-back issues with their outcomes, latest resolution first; optionally one area's. */
  @Get('you-said-we-did')
  @AllowAnonymous()
  @ApiOkResponse({ type: YouSaidWeDidView })
  @ApiBadRequestResponse({ description: 'An unknown areaId, limit outside 1–200, a negative offset or an unknown field (each named)' })
  async youSaidWeDid(@Query() query: YouSaidWeDidQuery): Promise<YouSaidWeDidView> {
    const { areaId } = query;
    if (areaId !== undefined && !this.settings.areas.some((area) => area.id === areaId)) {
      throw new BadRequestException([`areaId must be one of the areas of GET /areas, got ${areaId}`]);
    }
    const asOfPosition = await this.host.positionOf(PUBLIC_TRACKER);
    const page = await youSaidWeDid(this.db, { areaId, limit: query.limit ?? DEFAULT_LIMIT, offset: query.offset ?? 0 });
    return { ...page, asOfPosition };
  }
}
