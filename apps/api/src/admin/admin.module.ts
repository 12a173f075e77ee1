import { Module } from '@nestjs/common';
import { ReferenceNumbers } from '../issues/intake/referenceNumbers';
import { IssueRepository } from '../issues/issueRepository';
import { IssueImport } from './import/issueImport.service';
import { ImportController } from './import.controller';

/**
 * Administration of the store as a whole: for now, importing historic issues. The repository
 * and reference counter are intake's own classes (stateless over the global event store).
 */
@Module({
  controllers: [ImportController],
  providers: [IssueRepository, ReferenceNumbers, IssueImport],
  exports: [IssueImport],
})
export class AdminModule {}
