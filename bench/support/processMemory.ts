import { readFileSync, writeFileSync } from 'node:fs';

/** A process's resident set and its peak (VmHWM), in MB, from /proc (Linux). */
export function residentMb(pid: number): { readonly rss: number; readonly peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Resets the peak (VmHWM) to the current RSS, so a later peak covers only what follows. */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Samples a process's RSS every `everyMs` until stopped; answers the highest seen. */
export function sampleRss(pid: number, everyMs = 50): { stop(): number } {
  let highest = residentMb(pid).rss;
  const timer = setInterval(() => {
    try {
      highest = Math.max(highest, residentMb(pid).rss);
    } catch {
      // the process has gone: keep what was seen
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return highest;
    },
  };
}
