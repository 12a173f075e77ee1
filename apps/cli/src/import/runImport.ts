import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Actor } from '@app/lifecycle';
import { AdminModule } from '../../../api/src/admin/admin.module';
import { IssueImport } from '../../../api/src/admin/import/issueImport.service';
import type { ImportSummary } from '../../../api/src/admin/import/importSummary';
import { loadSettings } from '../../../api/src/config/settings';
import { PersonalDataModule } from '../../../api/src/personal-data/personalData.module';
import { EventStoreModule } from '../../../api/src/store/eventStore.module';

/** The operator at the terminal, as an admin: the events they import name them. */
const operator = (): Actor => ({ kind: 'staff', id: `cli:${process.env.USER || process.env.USERNAME || 'operator'}`, role: 'admin', areas: ['*'] });

/**
 * Runs the API's own import service (AdminModule) in a Nest context holding only what it needs
 * (the store, and the vault that seals residents' personal data), so the CLI and
 * POST /admin/import can never check or store a line differently.
 */
export async function runImport(text: string): Promise<ImportSummary> {
  const settings = loadSettings(process.env);

  @Module({ imports: [EventStoreModule.forRoot(settings), PersonalDataModule, AdminModule] })
  class ImportCliModule {}

  // Nest's own logging stays off standard output, which carries the summary.
  const context = await NestFactory.createApplicationContext(ImportCliModule, { logger: ['error', 'warn'] });
  try {
    return await context.get(IssueImport).run(text, operator());
  } finally {
    await context.close();
  }
}
