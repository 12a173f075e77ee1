import type { HistoryEvent, VerifyReport, Violation } from '../../shared/contract';

/*
 * What an auditor reads off an issue's history beside each event: does it link to the row
 * before it (its prevHash is that row's hash), and what did verify find at its version. The
 * page cannot recompute a hash (that is verify's job on the server); it shows the linkage it
 * can see, and marks the rows verify names. Pure.
 */

/**
 * How an event links to the row before it: `first` (version 1, no previous hash), `linked`
 * (its prevHash is the previous row's hash) or `broken` (anything else: a rewritten chain,
 * a missing event, a first event naming a previous hash).
 */
export type ChainLink = { readonly kind: 'first' } | { readonly kind: 'linked'; readonly to: number } | { readonly kind: 'broken'; readonly after: number | null };

export function chainLinks(events: readonly HistoryEvent[]): ChainLink[] {
  return events.map((event, index) => {
    const previous = index === 0 ? null : events[index - 1];
    if (previous === null) return event.prevHash === null && event.version === 1 ? { kind: 'first' } : { kind: 'broken', after: null };
    return event.prevHash === previous.hash ? { kind: 'linked', to: previous.version } : { kind: 'broken', after: previous.version };
  });
}

/** The report's violations of one issue, by the version they name. */
export function violationsByVersion(report: VerifyReport | null, issueId: string): ReadonlyMap<number, readonly Violation[]> {
  const byVersion = new Map<number, Violation[]>();
  for (const violation of report?.violations ?? []) {
    if (violation.issueId !== issueId) continue;
    byVersion.set(violation.version, [...(byVersion.get(violation.version) ?? []), violation]);
  }
  return byVersion;
}
