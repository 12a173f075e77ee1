import type { ModeSettings } from '../benchMode';
import type { BenchRow } from '../benchRow';
import { runPart } from '../partProcess';
import { APPENDER_TARGETS } from './appender';
import { type AppendPartArgs, unmeasuredAppendRows } from './appendRows';

/**
 * Every appender, one process each, one after another (never two at once: they would share
 * the disk's fsyncs and the two cores). PostgreSQL's rows say they were skipped when there is
 * no database; a process that dies says so on its rows.
 */
export async function appendsSection(settings: ModeSettings['appends'], databaseUrl: string | undefined, log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const target of APPENDER_TARGETS) {
    if (target.database === 'postgres' && !databaseUrl) {
      rows.push(...unmeasuredAppendRows(target, settings.concurrencies, 'skipped', 'no PostgreSQL: set TEST_DATABASE_URL'));
      continue;
    }
    log(`appends: ${target.label}`);
    const args: AppendPartArgs = { kind: target.kind, databaseUrl, settings };
    rows.push(...(await runPart('appends/appendPart.ts', args, (reason) => unmeasuredAppendRows(target, settings.concurrencies, 'failed', reason))));
  }
  return rows;
}
