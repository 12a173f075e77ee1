import { Controller, Get, HttpCode, HttpStatus, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ProjectionHost, ProjectionInfo } from '@app/projections';
import { Roles } from '../auth/access.decorator';
import { PROJECTION_HOST } from '../store/tokens';

/** The projections' state, wherever their runners run, and rebuilds on demand. */
@ApiTags('projections')
@Controller('projections')
export class ProjectionsController {
  constructor(@Inject(PROJECTION_HOST) private readonly host: ProjectionHost) {}

  /** Each projection's position, lag (events behind the store) and status: live, catching-up, rebuilding or failed (with the error). */
  @Get()
  @Roles('viewer', 'auditor', 'areaManager', 'boardChair', 'officer')
  list(): Promise<ProjectionInfo[]> {
    return this.host.describe();
  }

  /** Rebuild from the first event into fresh tables; reads go on from the old ones until the new ones have caught up. Answers 202. */
  @Post(':name/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('admin')
  async rebuild(@Param('name') name: string): Promise<{ name: string; status: 'rebuild-requested' }> {
    if (!this.host.has(name)) throw new NotFoundException(`no projection named ${name}; GET /projections lists them`);
    await this.host.requestRebuild(name);
    return { name, status: 'rebuild-requested' };
  }
}
