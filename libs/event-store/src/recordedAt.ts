/**
 * When the store records the next event of a stream: the clock's time, but always at least a
 * millisecond after the stream's previous event, so `recordedAt` strictly increases within a
 * stream even when two processes' clocks differ (state-at-an-instant is read by `recordedAt`).
 */
export function nextRecordedAt(now: Date, previous: string | null): number {
  const after = previous === null ? Number.NEGATIVE_INFINITY : Date.parse(previous) + 1;
  return Math.max(now.getTime(), after);
}
