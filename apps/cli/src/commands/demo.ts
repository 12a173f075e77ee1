import { integerOption, parseArgs, UsageError } from '../cliArgs';
import type { CliCommand } from '../cliCommand';

/** Fills an empty store with a realistic year of issues through the API's own command path. */
export const demoCommand: CliCommand = {
  name: 'demo',
  synopsis: '[--seed n] [--months n] [--per-month n] [--force]',
  summary: 'fill an empty store with a realistic history (defaults: seed 1, 12 months, 120 issues a month)',
  async run(args) {
    const { positionals, options } = parseArgs(args, { valued: ['seed', 'months', 'per-month'], flags: ['force'] });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const demo = {
      seed: integerOption(options, 'seed', 1, 0, 2 ** 32 - 1),
      months: integerOption(options, 'months', 12, 1, 60),
      perMonth: integerOption(options, 'per-month', 120, 1, 5_000),
      force: options.force === true,
    };
    // Loaded only now: the whole API comes with it.
    const { runDemo } = await import('../demo/runDemo');
    return runDemo(demo);
  },
};
