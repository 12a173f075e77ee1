import type { CliCommand } from '../cliCommand';

/** Commands of the contract whose capability has not landed yet, and the one each comes with. */
const LATER: ReadonlyArray<readonly [name: string, synopsis: string, summary: string, capability: string]> = [];

export const COMING_LATER: readonly CliCommand[] = LATER.map(([name, synopsis, summary, capability]) => ({
  name,
  synopsis,
  summary: `${summary} (comes with the ${capability} capability)`,
  async run() {
    console.error(`${name} is not available yet: it comes with the ${capability} capability`);
    return 2;
  },
}));
