import { readFile } from 'node:fs/promises';
import { parseArgs, UsageError } from '../cliArgs';
import type { CliCommand } from '../cliCommand';

/** POST /admin/import without HTTP: the same service, on the store the API's settings name. */
export const importCommand: CliCommand = {
  name: 'import',
  synopsis: '<file.jsonl>',
  summary: 'import historic issues from a JSON Lines file; prints the summary JSON; exit 1 if any line was rejected',
  async run(args) {
    const { positionals } = parseArgs(args, { valued: [], flags: [] });
    if (positionals.length !== 1) throw new UsageError('name one JSON Lines file');
    let text: string;
    try {
      text = await readFile(positionals[0], 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${positionals[0]}: ${(error as Error).message}`);
    }
    // Loaded only now: the store comes with it.
    const { runImport } = await import('../import/runImport');
    const summary = await runImport(text);
    console.log(JSON.stringify(summary, null, 2));
    return summary.rejected.length === 0 ? 0 : 1;
  },
};
