/**
 * Issues this process found nothing to record for, at a stream version and on a London day:
 * a read-model row that still looks due (it lags, or a pause moved the deadline on) is not
 * read again until its stream grows or the day changes (a pause can end with the day alone).
 */
export class CheckedIssues {
  private readonly checked = new Map<string, { version: number; day: string }>();

  constructor(private readonly capacity = 10_000) {}

  note(issueId: string, version: number, day: string): void {
    this.checked.delete(issueId);
    this.checked.set(issueId, { version, day });
    // Oldest noted first out: the note is a saving, never needed for correctness.
    if (this.checked.size > this.capacity) this.checked.delete(this.checked.keys().next().value!);
  }

  /** Whether a row at `rowVersion` can only say what the stream said when last checked today. */
  isSettled(issueId: string, rowVersion: number, day: string): boolean {
    const noted = this.checked.get(issueId);
    return noted !== undefined && noted.day === day && rowVersion <= noted.version;
  }

  forget(issueId: string): void {
    this.checked.delete(issueId);
  }
}
