import { parseArgs, UsageError } from '../cliArgs';
import type { CliCommand } from '../cliCommand';

/** One issue's history as a table, for an auditor at a terminal. */
export const replayCommand: CliCommand = {
  name: 'replay',
  synopsis: '<reference>',
  summary: "print an issue's timeline: version, when, who, what, status after",
  async run(args) {
    const { positionals } = parseArgs(args, { valued: [], flags: [] });
    if (positionals.length !== 1) throw new UsageError('name one issue by its reference (TROW-2026-00042) or id');
    const { runReplay } = await import('../audit/runReplay');
    return runReplay(positionals[0]);
  },
};
