import { integerOption, parseArgs, UsageError } from '../cliArgs';
import type { CliCommand } from '../cliCommand';
import { TARGET_KINDS as TARGETS } from '../migrate/openMigrationTarget';

/**
 * `migrate --from sqlite --to postgres|eventstoredb`: moves the whole history to another store,
 * resumable and idempotent; exit 0 only when the target verifies and matches the source.
 */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  synopsis: '--from sqlite --to postgres|eventstoredb [--page-size N] [--json]',
  summary:
    'copy the SQLite store (DATA_DIR) with its keys and sequences into the store DATABASE_URL/DATABASE_SCHEMA or EVENTSTORE_URL names, resuming an interrupted copy; then verify it (exit 1 on any difference)',
  async run(args) {
    const { positionals, options } = parseArgs(args, { valued: ['from', 'to', 'page-size'], flags: ['json'] });
    if (positionals.length > 0) throw new UsageError(`migrate takes no arguments, got ${positionals.join(' ')}`);
    if (options.from !== 'sqlite') throw new UsageError(`--from must be sqlite (the store DATA_DIR holds), got ${String(options.from ?? 'nothing')}`);
    const to = TARGETS.find((target) => target === options.to);
    if (!to) throw new UsageError(`--to must be one of ${TARGETS.join(', ')}, got ${String(options.to ?? 'nothing')}`);
    const pageSize = integerOption(options, 'page-size', 2000, 1, 50_000);
    // Loaded only now: the stores come with it.
    const { runMigration } = await import('../migrate/runMigration');
    const { MigrationRefusedError } = await import('../migrate/migrationRefusedError');
    const { TransactionIdsAheadError } = await import('@app/event-store/postgres/postgresTransactionIdGuard');
    try {
      return await runMigration({ to, pageSize, json: options.json === true });
    } catch (error) {
      if (!(error instanceof MigrationRefusedError) && !(error instanceof TransactionIdsAheadError)) throw error;
      console.error(`migrate: refused: ${error.message}`);
      return 1;
    }
  },
};
