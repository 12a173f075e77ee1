import { Controller, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '../auth/access.decorator';
import type { Settings } from '../config/settings';
import { CommandCtx, type CommandContext } from '../issues/commandContext';
import { SETTINGS } from '../store/tokens';
import { IssueImport } from './import/issueImport.service';
import { ImportSummary } from './import/importSummary';
import { NDJSON, readNdjsonBody } from './readNdjsonBody';

/** Bringing historic issues in from another system (shared/contract/API.md, "Audit"). */
@ApiTags('admin')
@Controller('admin')
export class ImportController {
  constructor(
    private readonly issueImport: IssueImport,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /**
   * Import historic issues, one JSON line each: `{ "issue": { ...the POST /issues body, "loggedAt" },
   * "transitions": [ { "command", "occurredAt", ...that command's body } ] }`. Every line passes the
   * commands' own checks; a bad line is listed with its number, and nothing of its issue is stored.
   * Importing the same file again imports nothing (its lines are `skipped`).
   */
  @Post('import')
  @HttpCode(HttpStatus.OK)
  @Roles('admin')
  @ApiConsumes(NDJSON)
  @ApiBody({ description: 'JSON Lines, at most IMPORT_BODY_LIMIT (default 50mb)', schema: { type: 'string' } })
  @ApiOkResponse({ type: ImportSummary, description: 'What was imported, skipped and rejected (by line number)' })
  @ApiUnauthorizedResponse({ description: 'Missing, malformed, expired or wrongly signed token' })
  @ApiForbiddenResponse({ description: 'Only admin imports' })
  @ApiUnsupportedMediaTypeResponse({ description: `The body is not ${NDJSON} in UTF-8` })
  @ApiPayloadTooLargeResponse({ description: 'The body exceeds IMPORT_BODY_LIMIT' })
  async import(@Req() request: Request, @CommandCtx() context: CommandContext): Promise<ImportSummary> {
    const text = await readNdjsonBody(request, this.settings.importBodyLimitBytes);
    return this.issueImport.run(text, context.actor, context.correlationId);
  }
}
