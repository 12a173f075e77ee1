import { formatInstant, verifySummary, violationLabel } from './auditWords';

describe("the auditor's view in words", () => {
  it("says verify's result in one line", () => {
    expect(verifySummary({ ok: true, streamsChecked: 3, eventsChecked: 1204, violations: [] })).toBe('Verified: 3 streams, 1,204 events, no violations');
    expect(verifySummary({ ok: true, streamsChecked: 1, eventsChecked: 1, violations: [] })).toBe('Verified: 1 stream, 1 event, no violations');
    expect(verifySummary({ ok: false, streamsChecked: 2, eventsChecked: 5, violations: [{ issueId: 'a', version: 2, kind: 'hash-mismatch', detail: 'changed' }] })).toBe(
      'Verify failed: 2 streams, 5 events, 1 violation',
    );
  });

  it('names each kind of violation in words, and an unknown kind as it is', () => {
    expect(['hash-mismatch', 'illegal-transition', 'version-gap', 'unknown-event', 'anchor-mismatch', 'new-kind'].map(violationLabel)).toEqual([
      'Hash mismatch',
      'Illegal transition',
      'Version gap',
      'Unknown event',
      'Anchor mismatch',
      'new-kind',
    ]);
  });

  it('shows instants to the second in UK time', () => {
    expect(formatInstant('2026-07-01T09:30:05.250Z')).toBe('1 Jul 2026, 10:30:05');
    expect(formatInstant('2026-12-01T09:30:05Z')).toBe('1 Dec 2026, 09:30:05');
    expect(formatInstant(null)).toBe('—');
  });
});
