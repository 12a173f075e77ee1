import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import { ApiCommandErrors } from '../http/apiErrorResponses';
import { CommandCtx, type CommandContext } from '../issues/commandContext';
import { unwrap } from '../issues/commandFailure';
import { IdempotencyInterceptor } from '../issues/idempotency.interceptor';
import { IssueView } from '../issues/issueView.dto';
import { RunIssueCommand } from '../issues/transitions/runIssueCommand.handler';
import { ErasePersonalDataDto } from './erasePersonalData.dto';

/**
 * Erasure by crypto-shredding (shared/contract/API.md, "Audit"): records PersonalDataErased and
 * destroys the resident's key in the same transaction. Every issue of that resident (they share
 * the key) then reads "[erased]"; the events, their hashes and verify are untouched. Admin only;
 * allowed in every status. Erasing again answers 200 and records nothing more.
 */
@ApiTags('audit')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry safely: the same key and body returns the first answer' })
@ApiCommandErrors()
@UseInterceptors(IdempotencyInterceptor)
@Controller('issues')
export class ErasePersonalDataController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/erase-personal-data')
  @HttpCode(HttpStatus.OK)
  @Roles('admin')
  erase(@Param('id') id: string, @Body() body: ErasePersonalDataDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    const command = { type: 'erase-personal-data', data: {} } as const;
    return unwrap(this.commandBus.execute(new RunIssueCommand(id, command, body?.expectedVersion, undefined, context)));
  }
}
