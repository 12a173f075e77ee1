/** A line of a JSON Lines file with its 1-based number, as an editor shows it. */
export interface NumberedLine {
  readonly number: number;
  readonly text: string;
}

/**
 * The non-blank lines of a JSON Lines text, numbered as in the file (blank lines count towards
 * the numbers but are skipped); a leading byte-order mark and CRLF endings are tolerated.
 */
export function* ndjsonLines(text: string): Generator<NumberedLine> {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() !== '') yield { number: index + 1, text: line };
  }
}
