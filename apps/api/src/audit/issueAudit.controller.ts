import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseIsoInstant } from '@app/audit';
import { Roles } from '../auth/access.decorator';
import { IssueHistoryView, IssueStateView } from './issueHistory.dto';
import { StateQuery } from './issueAuditQuery.dto';
import { ReadIssueHistory } from './readIssueHistory';
import { ReadIssueState } from './readIssueState';

/** An auditor's view of one issue: its stored events, and what the system knew of it at any instant. */
@ApiTags('audit')
@Controller('issues')
export class IssueAuditController {
  constructor(
    private readonly history: ReadIssueHistory,
    private readonly state: ReadIssueState,
  ) {}

  /** Every event of the issue (by id or reference), in order, with `recordedAt` and the hash chain. */
  @Get(':id/history')
  @Roles('auditor')
  async getHistory(@Param('id') id: string): Promise<IssueHistoryView> {
    const history = await this.history.execute(id);
    if (!history) throw new NotFoundException('no issue with this id');
    return history;
  }

  /** The issue read model as the system knew it at `at` (by `recordedAt`), with `asOf`; 404 if it did not exist yet. */
  @Get(':id/state')
  @Roles('auditor')
  async getState(@Param('id') id: string, @Query() query: StateQuery): Promise<IssueStateView> {
    const at = parseIsoInstant(query.at);
    if (!at) throw new BadRequestException([`at must be an ISO 8601 date or date-time (2026-03-01, 2026-03-01T09:30:00Z), got ${query.at}`]);
    const state = await this.state.execute(id, at);
    if (!state) throw new NotFoundException(`no issue with this id existed at ${at.toISOString()}`);
    return state;
  }
}
