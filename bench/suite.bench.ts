/**
 * The benchmark suite of the stores issue, in one run, with one table: appends (this project's
 * SQLite and PostgreSQL stores against the Emmett stores on the same database and a raw
 * prepared INSERT, at 1 and 16 in flight), HTTP intake and a transition through the real app
 * against a bare Node http server doing the same durable insert, loading one issue's stream
 * as the store grows, and rebuilding the projections against a raw scan; the peak RSS of each.
 * Every part runs in a process of its own (bench/suite/partProcess.ts), one after another.
 *
 * Quick (the default) is for CI: small and short, and it never fails on a ratio (timings on a
 * shared machine vary); it exits 1 only if one of this project's appends failed, the HTTP runs
 * had errors, or a part of this project's broke. Full is for the README.
 *
 *   npm run bench [-- --full] [--database-url URL] [--out FILE] [--parts appends,http,stream-load,rebuild]
 *
 * PostgreSQL rows run on TEST_DATABASE_URL (or --database-url); without it they say SKIPPED.
 * `npm run bench` first installs the Emmett peers (npm run bench:peers, skipped when installed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { appendsSection } from './suite/appends/appendsSection';
import { type BenchMode, MODES } from './suite/benchMode';
import { type BenchPart, type BenchRow, withRatios } from './suite/benchRow';
import { formatTable } from './suite/benchTable';
import { httpSection } from './suite/http/httpSection';
import { describeMachine, describeMachineLine } from './suite/machine';
import { readsSection } from './suite/reads/readsSection';
import { formatVerdict, judgeTargets } from './suite/targets';

const PARTS: readonly BenchPart[] = ['appends', 'http', 'stream-load', 'rebuild'];

interface SuiteOptions {
  readonly mode: BenchMode;
  readonly databaseUrl: string | undefined;
  readonly out: string;
  readonly parts: readonly BenchPart[];
}

function parseOptions(argv: readonly string[]): SuiteOptions {
  let mode: BenchMode = 'quick';
  let databaseUrl = process.env.TEST_DATABASE_URL || undefined;
  let out: string | undefined;
  let parts = PARTS;
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return next;
    };
    switch (argv[i]) {
      case '--full':
        mode = 'full';
        break;
      case '--quick':
        mode = 'quick';
        break;
      case '--database-url':
        databaseUrl = value();
        break;
      case '--out':
        out = value();
        break;
      case '--parts': {
        const named = value().split(',');
        const unknown = named.filter((part) => !PARTS.includes(part as BenchPart));
        if (unknown.length > 0) throw new Error(`--parts takes ${PARTS.join(', ')}; unknown: ${unknown.join(', ')}`);
        parts = named as BenchPart[];
        break;
      }
      default:
        throw new Error(`unknown option ${argv[i]}: npm run bench [-- --full] [--database-url URL] [--out FILE] [--parts ${PARTS.join(',')}]`);
    }
  }
  return { mode, databaseUrl, out: out ?? join(__dirname, 'results', `${mode}.json`), parts };
}

const log = (line: string) => console.log(`  … ${line}`);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const settings = MODES[options.mode];
  const started = performance.now();
  const machine = await describeMachine(options.databaseUrl);
  console.log(`npm run bench (${options.mode}): ${describeMachineLine(machine)}`);
  if (!options.databaseUrl) console.log('SKIPPED: every PostgreSQL row, because TEST_DATABASE_URL is not set (or pass --database-url)');

  const measured: BenchRow[] = [];
  if (options.parts.includes('appends')) measured.push(...(await appendsSection(settings.appends, options.databaseUrl, log)));
  if (options.parts.includes('http')) measured.push(...(await httpSection(settings.http, log)));
  const reads = { streamLoad: options.parts.includes('stream-load'), rebuild: options.parts.includes('rebuild') };
  if (reads.streamLoad || reads.rebuild) measured.push(...(await readsSection(settings, reads, options.databaseUrl, log)));
  const rows = withRatios(measured);
  const seconds = (performance.now() - started) / 1000;

  console.log('');
  console.log(formatTable(rows));
  const durability = [...new Map(rows.filter((row) => row.durability).map((row) => [row.label, row.durability])).entries()];
  if (durability.length > 0) console.log(`\nDurability, as read back: ${durability.map(([label, value]) => `${label}: ${value}`).join('; ')}`);

  const targets = judgeTargets(rows);
  console.log(`\nThe issue's targets (timings vary on a shared machine: never a reason to fail):\n${targets.map((verdict) => `- ${formatVerdict(verdict)}`).join('\n')}`);

  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify({ mode: options.mode, command: commandOf(options), machine, seconds, rows, targets }, null, 2) + '\n');
  console.log(`\n${rows.length} rows in ${seconds.toFixed(0)} s, written to ${relative(process.cwd(), options.out)}`);

  const broken = rows.filter((row) => row.ours && (row.status === 'failed' || (row.failures ?? 0) > 0 || (row.warmupFailures ?? 0) > 0));
  for (const row of broken) console.error(`FAILED: ${row.label}${row.concurrency === null ? '' : ` at ${row.concurrency} in flight`}: ${row.note}`);
  return broken.length > 0 ? 1 : 0;
}

const commandOf = (options: SuiteOptions) => `npm run bench${options.mode === 'full' ? ' -- --full' : ''}`;

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
