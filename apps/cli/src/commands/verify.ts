import { readFileSync } from 'node:fs';
import type { Anchor } from '@app/audit';
import { parseArgs, UsageError } from '../cliArgs';
import type { CliCommand } from '../cliCommand';

/** `verify`: the auditors' check of the whole store, as GET /audit/verify; exit 0 clean, 1 with the report. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  synopsis: '[--anchor FILE] [--json]',
  summary: 'replay every stream and check its hash chain and head; with --anchor, that nothing it covers changed (exit 1 naming each violation)',
  async run(args) {
    const { positionals, options } = parseArgs(args, { valued: ['anchor'], flags: ['json'] });
    if (positionals.length > 0) throw new UsageError(`verify takes no arguments, got ${positionals.join(' ')}`);
    // Loaded only now: the stores come with it.
    const { MalformedAnchorError, parseAnchorJson, runVerify, verifyReportText } = await import('@app/audit');
    const { withAuditedStore } = await import('../audit/withAuditedStore');
    let anchor: Anchor | undefined;
    if (typeof options.anchor === 'string') {
      let text: string;
      try {
        text = readFileSync(options.anchor, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read the anchor file ${options.anchor}: ${(error as Error).message}`);
      }
      try {
        anchor = parseAnchorJson(text);
      } catch (error) {
        if (error instanceof MalformedAnchorError) throw new UsageError(`${options.anchor}: ${error.message}`);
        throw error;
      }
    }
    const report = await withAuditedStore((store, keys) => runVerify(store.auditSource(), keys, anchor));
    const text = options.json ? JSON.stringify(report, null, 2) : verifyReportText(report);
    (report.ok ? console.log : console.error)(text);
    return report.ok ? 0 : 1;
  },
};
