import { EXPORT_FORMATS, isExportFormat, parseExportWindow } from '@app/audit';
import { parseArgs, UsageError } from '../cliArgs';
import type { CliCommand } from '../cliCommand';

/** Every event, as GET /audit/export gives it, to standard output. */
export const exportCommand: CliCommand = {
  name: 'export',
  synopsis: '[--from ISO] [--to ISO] [--format jsonl|csv]',
  summary: 'write every event (recorded in [from, to)) to standard output, JSON Lines by default',
  async run(args) {
    const { positionals, options } = parseArgs(args, { valued: ['from', 'to', 'format'], flags: [] });
    if (positionals.length > 0) throw new UsageError(`export takes no arguments, got ${positionals.join(' ')}`);
    const format = (options.format as string | undefined) ?? 'jsonl';
    if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got ${format}`);
    const window = parseExportWindow({ from: options.from as string | undefined, to: options.to as string | undefined });
    if (!window.ok) throw new UsageError(window.problems.join('; '));
    const { runExport } = await import('../audit/runExport');
    return runExport({ format, window: window.window });
  },
};
