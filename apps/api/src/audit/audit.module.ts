import { Module } from '@nestjs/common';

/**
 * The auditors' routes (shared/contract/API.md, "Audit"): verify, anchor, history, state at an
 * instant, export. Reading them takes the auditor or admin role.
 */
@Module({
  controllers: [],
  providers: [],
})
export class AuditModule {}
