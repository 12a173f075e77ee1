import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFsyncTrace, type FsyncTraceReport, TRACED_SYSCALLS } from './support/fsyncTrace';

// kill -9 cannot show a skipped fsync (the OS keeps the pages): these tests watch the syscalls.
const STRACE = '/usr/bin/strace';
const ROOT = join(__dirname, '..');
const APPENDS = 32 * 12;

jest.setTimeout(120_000);

interface TracedRun extends FsyncTraceReport {
  readonly answers: string[];
}

/** Runs test/support/ackingAppender.ts under strace in a fresh folder and checks the trace. */
async function traceAppender(mode: string): Promise<TracedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'fsync-trace-'));
  try {
    const traceFile = join(dir, 'trace');
    const args = ['-f', '-y', '-tt', '-s', '65536', '--seccomp-bpf', '-e', `trace=${TRACED_SYSCALLS.join(',')}`, '-o', traceFile];
    const child = ['-r', 'ts-node/register/transpile-only', join(ROOT, 'test/support/ackingAppender.ts'), mode, dir, String(APPENDS)];
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const run = spawn(STRACE, [...args, process.execPath, ...child], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      run.stderr.on('data', (chunk) => (stderr += chunk));
      run.once('error', reject);
      run.once('close', (code) => resolve({ code, stderr }));
    });
    if (code !== 0) throw new Error(`the traced appender (${mode}) exited with ${code}: ${stderr}`);
    const report = checkFsyncTrace(readFileSync(traceFile, 'utf8'), { walPath: join(dir, 'events.db-wal'), ackPath: join(dir, 'answers') });
    const answers = readFileSync(join(dir, 'answers'), 'utf8').split('\n').filter(Boolean);
    return { ...report, answers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const summary = (mode: string, run: TracedRun) =>
  `${mode}: ${run.acks} ACKs, ${run.fails} FAILs, ${run.walWrites} WAL writes, ${run.walSyncs} WAL fsyncs ` +
  `(${(run.acks / Math.max(run.walSyncs, 1)).toFixed(1)} ACKs per fsync), ${run.violations.length} violations`;

function describeWithStrace(name: string, suite: () => void): void {
  if (existsSync(STRACE)) return describe(name, suite);
  const why = `${STRACE} is missing: install Debian's strace package (apt-get install strace)`;
  if (process.env.CI === 'true') throw new Error(`${name}: CI must run the fsync trace tests, but ${why}`);
  console.warn(`SKIPPED ${name}: ${why}`);
  describe(name, () => {
    it.skip(`needs strace: ${why}`, () => undefined);
  });
}

describeWithStrace('fsync trace of acknowledged appends (SQLite, 32 in flight)', () => {
  it('fsyncs the WAL holding every acknowledged append before its answer', async () => {
    const run = await traceAppender('store');
    console.log(summary('SqliteEventStore', run));
    // The trace saw every answer the process gave, so no answer escaped the check.
    expect(run.acks + run.fails).toBe(APPENDS);
    expect(run.answers.filter((line) => line.startsWith('ACK'))).toHaveLength(run.acks);
    expect(run.fails).toBeGreaterThanOrEqual((APPENDS / 16) * 3); // the planned conflicts failed
    expect(run.acks).toBeGreaterThan(APPENDS / 2);
    expect(run.violations).toEqual([]);
  });

  it('passes the plain safe way, each insert committed and fsynced alone (a positive control)', async () => {
    const run = await traceAppender('raw-synchronous-full');
    console.log(summary('raw synchronous=FULL (positive control)', run));
    expect(run.acks).toBe(APPENDS);
    expect(run.walSyncs).toBeGreaterThanOrEqual(APPENDS);
    expect(run.violations).toEqual([]);
  });

  it('catches a store that skips the fsync (WAL with synchronous=OFF)', async () => {
    const run = await traceAppender('raw-synchronous-off');
    console.log(summary('raw synchronous=OFF (negative control)', run));
    expect(run.acks).toBe(APPENDS);
    expect(run.walSyncs).toBe(0);
    expect(run.violations.length).toBeGreaterThanOrEqual(APPENDS);
    expect(run.violations[0]).toMatch(/was answered while the WAL write on line \d+ was not yet fsynced/);
  });

  it('catches a store that answers before its commit', async () => {
    const run = await traceAppender('ack-before-commit');
    console.log(summary('raw, answered before commit (negative control)', run));
    expect(run.acks).toBe(APPENDS);
    expect(run.walSyncs).toBeGreaterThan(0);
    expect(run.violations.length).toBeGreaterThan(APPENDS / 2);
    expect(run.violations.every((v) => /was answered before any WAL write held its events/.test(v))).toBe(true);
  });
});
