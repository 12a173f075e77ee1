/**
 * Reads an `strace -f -y -tt -s 65536` trace of a process that appends to a SQLite store and
 * answers each append on a file of its own ("ACK <n>" / "FAIL <n>"), and says whether any
 * acknowledged append could have been lost to a power cut: kill -9 cannot show a skipped
 * fsync (the OS keeps the pages), this can.
 *
 * Two rules, both per acknowledgement:
 * - nothing written to the WAL before the answer is still unsynced when the answer is written;
 * - the append's own events (found by the marker `ackmark<n>x` in the WAL pages) reached the
 *   WAL, and a sync of the WAL completed, before its answer: an answer given before the commit
 *   passes the first rule but not this one.
 */

/** The syscalls the checker needs traced (`strace -e trace=...`). */
export const TRACED_SYSCALLS = ['fsync', 'fdatasync', 'write', 'pwrite64', 'writev', 'pwritev', 'pwritev2'];

/** The text the appender puts in append n's event data, so its WAL page can be found in the trace. */
export const markerOf = (n: number): string => `ackmark${String(n).padStart(6, '0')}x`;
const MARKER = /ackmark(\d{6})x/g;

export interface FsyncTraceReport {
  /** Answers "ACK n" seen in the trace. */
  readonly acks: number;
  /** Answers "FAIL n" seen in the trace. */
  readonly fails: number;
  /** write calls to the WAL file. */
  readonly walWrites: number;
  /** fsync/fdatasync calls on the WAL file that returned 0. */
  readonly walSyncs: number;
  /** Each acknowledged append that could be lost, with the trace line that shows it. */
  readonly violations: string[];
}

const WRITES = new Set(['write', 'pwrite64', 'writev', 'pwritev', 'pwritev2']);
const SYNCS = new Set(['fsync', 'fdatasync']);

interface Pending {
  readonly name: string;
  readonly path: string | undefined;
  readonly line: number;
}

/** Checks a trace; `walPath` and `ackPath` are the paths strace -y prints next to their fds. */
export function checkFsyncTrace(trace: string, files: { walPath: string; ackPath: string }): FsyncTraceReport {
  const pending = new Map<string, Pending>();
  const violations: string[] = [];
  let acks = 0;
  let fails = 0;
  let walWrites = 0;
  let walSyncs = 0;
  // A sync covers the writes that started before it did, once it has returned 0.
  let syncedUpTo = 0; // the start line of the latest completed WAL sync
  let unsyncedWrites: number[] = []; // the lines of WAL writes no completed sync covers
  const firstWriteOfMarker = new Map<number, number>();
  const synced = (startLine: number) => {
    walSyncs++;
    syncedUpTo = Math.max(syncedUpTo, startLine);
    unsyncedWrites = unsyncedWrites.filter((line) => line > startLine);
  };

  const lines = trace.split('\n');
  lines.forEach((text, index) => {
    const lineNo = index + 1;
    const match = /^(\d+)\s+\S+\s+(.*)$/.exec(text);
    if (!match) return;
    const [, pid, rest] = match;

    // A call another thread interrupted is finished on a "resumed" line: a sync counts there.
    const resumed = /^<\.\.\. (\w+) resumed>.*= (-?\d+)/.exec(rest);
    if (resumed) {
      const started = pending.get(pid);
      pending.delete(pid);
      if (started && SYNCS.has(started.name) && started.path === files.walPath && resumed[2] === '0') synced(started.line);
      return;
    }
    const call = /^(\w+)\((?:(\d+)<([^>]*)>)?/.exec(rest);
    if (!call) return;
    const [, name, , path] = call;
    const unfinished = rest.endsWith('<unfinished ...>');
    if (unfinished) pending.set(pid, { name, path, line: lineNo });

    // A write counts from its start: its pages may be in the file from then on.
    if (WRITES.has(name) && path === files.walPath) {
      walWrites++;
      unsyncedWrites.push(lineNo);
      for (const [, n] of rest.matchAll(MARKER)) if (!firstWriteOfMarker.has(Number(n))) firstWriteOfMarker.set(Number(n), lineNo);
    }
    if (WRITES.has(name) && path === files.ackPath) {
      const answer = /"(ACK|FAIL) (\d+)\\n"/.exec(rest);
      if (!answer) {
        violations.push(`line ${lineNo}: a write to the answers file the checker cannot read: ${rest.slice(0, 120)}`);
        return;
      }
      if (answer[1] === 'FAIL') {
        fails++;
        return;
      }
      acks++;
      const n = Number(answer[2]);
      if (unsyncedWrites.length > 0) {
        violations.push(`ACK ${n} (line ${lineNo}) was answered while the WAL write on line ${unsyncedWrites[0]} was not yet fsynced`);
      }
      const written = firstWriteOfMarker.get(n);
      if (written === undefined) {
        violations.push(`ACK ${n} (line ${lineNo}) was answered before any WAL write held its events (${markerOf(n)})`);
      } else if (syncedUpTo < written) {
        violations.push(`ACK ${n} (line ${lineNo}) was answered with its events (WAL write on line ${written}) never fsynced since`);
      }
    }
    if (SYNCS.has(name) && path === files.walPath && !unfinished && /= 0$/.test(rest)) synced(lineNo);
  });
  return { acks, fails, walWrites, walSyncs, violations };
}
