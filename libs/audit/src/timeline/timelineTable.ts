import type { TimelineEntry } from './issueTimeline';

/**
 * An event not dated by its caller is stamped by the handler, then by the store a few
 * milliseconds later: within this, the two clocks tell the same moment and one is shown.
 */
export const SAME_MOMENT_MS = 1000;

const HEADINGS = ['version', 'when', 'who', 'what', 'status after'] as const;

/**
 * The timeline as a plain-text table for a terminal or a printout: one row per event, columns
 * padded to their widest cell. "when" is when it happened; the store's own `recordedAt` is
 * added where it differs by a second or more (an event dated back, a decision recorded the next day).
 */
export function renderTimelineTable(title: string, entries: readonly TimelineEntry[]): string {
  const rows = entries.map((entry) => [String(entry.version), whenOf(entry), whoOf(entry), `${entry.type}: ${entry.summary}`, statusOf(entry)]);
  const widths = HEADINGS.map((heading, column) => Math.max(width(heading), ...rows.map((row) => width(row[column]))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : pad(cell, widths[column])))
      .join('  ')
      .trimEnd();
  return [title, '', line(HEADINGS), line(widths.map((size) => '-'.repeat(size))), ...rows.map(line)].join('\n');
}

function whenOf(entry: TimelineEntry): string {
  if (entry.occurredAt === null) return `recorded ${entry.recordedAt}`;
  const apart = Math.abs(Date.parse(entry.recordedAt) - Date.parse(entry.occurredAt));
  return apart < SAME_MOMENT_MS ? entry.occurredAt : `${entry.occurredAt} (recorded ${entry.recordedAt})`;
}

/** Where a reply would lead, for an issue waiting on its resident: the machine's child state. */
const statusOf = (entry: TimelineEntry) => (entry.resumeStatus ? `${entry.statusAfter} (from ${entry.resumeStatus})` : entry.statusAfter);

const whoOf = (entry: TimelineEntry) => (entry.actor ? `${entry.actor.id} (${entry.actor.role})` : 'unknown');

/** Widths in code points, so a name with accents or an emoji does not skew the columns. */
const width = (text: string) => Array.from(text).length;
const pad = (text: string, size: number) => text + ' '.repeat(size - width(text));
