import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { parseExportWindow } from '@app/audit';
import { Roles } from '../auth/access.decorator';
import { ExportEvents } from './exportEvents';
import { ExportQuery } from './issueAuditQuery.dto';

/** The whole history out of the system, for auditors' own tools. */
@ApiTags('audit')
@Controller('audit')
export class ExportController {
  constructor(private readonly exportEvents: ExportEvents) {}

  /**
   * Every event (issue and area streams) in the store's global order, recorded in [from, to):
   * JSON Lines (a history event plus `issueId` and `streamId` per line) or CSV. Streamed.
   */
  @Get('export')
  @Roles('auditor')
  @ApiProduces('application/x-ndjson', 'text/csv')
  async export(@Query() query: ExportQuery, @Res() response: Response): Promise<void> {
    const window = parseExportWindow(query);
    if (!window.ok) throw new BadRequestException(window.problems);
    await this.exportEvents.toResponse(query.format ?? 'jsonl', window.window, response);
  }
}
