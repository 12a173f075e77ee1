import { parseArgs, UsageError } from '../cliArgs';
import type { CliCommand } from '../cliCommand';

/** `anchor`: prints a signed digest of the whole history (the JSON GET /audit/anchor answers); keep it for `verify --anchor`. */
export const anchorCommand: CliCommand = {
  name: 'anchor',
  synopsis: '',
  summary: 'print a signed digest of the whole history as JSON (keep it; verify --anchor FILE checks it later)',
  async run(args) {
    const { positionals } = parseArgs(args, { valued: [], flags: [] });
    if (positionals.length > 0) throw new UsageError(`anchor takes no arguments, got ${positionals.join(' ')}`);
    const { takeAnchor } = await import('@app/audit');
    const { withAuditedStore } = await import('../audit/withAuditedStore');
    const anchor = await withAuditedStore((store, keys) => takeAnchor(store, keys, new Date()));
    console.log(JSON.stringify(anchor, null, 2));
    return 0;
  },
};
