import { integerOption, parseArgs, UsageError } from '../cliArgs';
import type { CliCommand } from '../cliCommand';

/** Rebuilds a projection from the first event, on the store and read models the API uses. */
export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  synopsis: '<projection> [--timeout seconds]',
  summary: 'rebuild a projection from the first event into fresh tables, then swap them in (default timeout 600 s)',
  async run(args) {
    const { positionals, options } = parseArgs(args, { valued: ['timeout'], flags: [] });
    const timeoutSeconds = integerOption(options, 'timeout', 600, 1, 7 * 24 * 3600);
    if (positionals.length !== 1) throw new UsageError('name one projection (GET /projections lists them)');
    // Loaded only now: the stores and read models come with it.
    const { runRebuild } = await import('../rebuild/runRebuild');
    return runRebuild(positionals[0], timeoutSeconds);
  },
};
