import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { BenchRow } from './benchRow';
import { residentMb } from '../support/processMemory';

/** What a part's process sends back when it is done. */
export interface PartReport {
  readonly rows: BenchRow[];
}

const REPO = join(__dirname, '..', '..');
const TS_HOOKS = ['-r', require.resolve('ts-node/register/transpile-only'), '-r', require.resolve('tsconfig-paths/register')];

/**
 * Runs one part of the bench in a process of its own, so that each is measured alone (its
 * own heap, its own peak RSS, no garbage from the one before) and a peer that crashes or
 * prints takes nothing else down. The part sends its rows over IPC (see reportRows); when it
 * dies without them, `onCrash` turns its output into rows that say so.
 */
export function runPart(script: string, args: unknown, onCrash: (reason: string) => BenchRow[]): Promise<BenchRow[]> {
  return new Promise((resolve) => {
    const child = forkScript(script, args);
    let output = '';
    const keep = (chunk: Buffer) => {
      // The last lines are what explain a crash; a peer that logs every failure must not fill memory.
      output = (output + chunk.toString()).slice(-8_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    let rows: BenchRow[] | undefined;
    child.on('message', (message: PartReport) => (rows = message.rows));
    child.on('exit', (code, signal) => {
      if (rows) return resolve(rows);
      const tail = output.trim().split('\n').slice(-6).join(' | ');
      resolve(onCrash(`the ${script} process ${signal ? `was killed by ${signal}` : `exited with ${code}`} before reporting: ${tail || 'no output'}`));
    });
  });
}

/** A bench script (a path under bench/suite/) as a Node process of its own, with an IPC channel and its output piped. */
export function forkScript(script: string, args: unknown): ChildProcess {
  return fork(join(__dirname, script), [JSON.stringify(args)], { cwd: REPO, execArgv: TS_HOOKS, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
}

/** Inside a part's process: hands the rows to the suite and ends the process. */
export function reportRows(rows: BenchRow[]): void {
  process.send!({ rows } satisfies PartReport, () => process.exit(0));
}

/** The arguments `runPart` gave this process. */
export function partArgs<T>(): T {
  const raw = process.argv[2];
  if (!raw || !process.send) throw new Error('a part runs in a process started by bench/suite.bench.ts (npm run bench), not on its own');
  return JSON.parse(raw) as T;
}

/** A process's memory for its rows: its peak so far, and what it held before the work began. */
export interface PartMemory {
  readonly peakRssMb: number;
  readonly startRssMb: number;
}

let startRssMb = NaN;

/** This process's peak RSS so far, beside its RSS when partMain began (every module loaded). */
export const ownMemory = (): PartMemory => ({ peakRssMb: residentMb(process.pid).peak, startRssMb });

/** Runs a part's main, reporting its rows, or dying loudly (the suite turns that into failed rows). */
export function partMain(main: () => Promise<BenchRow[]>): void {
  startRssMb = residentMb(process.pid).rss;
  main().then(reportRows, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
