import { Module } from '@nestjs/common';
import { AuditChecksController } from './auditChecks.controller';
import { AuditedIssueStream } from './auditedIssueStream';
import { ExportController } from './export.controller';
import { ExportEvents } from './exportEvents';
import { IssueAuditController } from './issueAudit.controller';
import { ReadIssueHistory } from './readIssueHistory';
import { ReadIssueState } from './readIssueState';
import { revealThroughVaultProvider } from '../personal-data/revealPersonalData.provider';

/**
 * The auditors' routes (shared/contract/API.md, "Audit"): verify, anchor, history, state at an
 * instant, export. Reading them takes the auditor or admin role.
 */
@Module({
  controllers: [IssueAuditController, ExportController, AuditChecksController],
  providers: [AuditedIssueStream, ReadIssueHistory, ReadIssueState, ExportEvents, revealThroughVaultProvider],
})
export class AuditModule {}
