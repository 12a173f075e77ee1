import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IssueViewRenderer } from '../issues/issueViewRenderer';
import { ErasePersonalDataController } from './erasePersonalData.controller';
import { personalDataVaultProvider } from './personalDataVault.provider';

/**
 * Residents' personal data: the vault that seals and reveals it, the renderer every issue read
 * goes through, and erasure. Global, since every reader of issues renders through it.
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [ErasePersonalDataController],
  providers: [personalDataVaultProvider, IssueViewRenderer],
  exports: [personalDataVaultProvider, IssueViewRenderer],
})
export class PersonalDataModule {}
