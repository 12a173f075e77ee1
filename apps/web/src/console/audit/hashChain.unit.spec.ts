import type { HistoryEvent, VerifyReport } from '../../shared/contract';
import { chainLinks, violationsByVersion } from './hashChain';

const event = (version: number, hash: string, prevHash: string | null): HistoryEvent => ({
  version,
  globalPosition: version,
  type: 'IssueLogged',
  occurredAt: null,
  recordedAt: '2026-11-24T12:00:00.000Z',
  actor: null,
  data: {},
  correlationId: null,
  causationId: null,
  hash,
  prevHash,
});

describe("the auditor's view reads the hash chain off an issue's history", () => {
  it('sees each event link to the row before it', () => {
    expect(chainLinks([event(1, 'a', null), event(2, 'b', 'a'), event(3, 'c', 'b')])).toEqual([{ kind: 'first' }, { kind: 'linked', to: 1 }, { kind: 'linked', to: 2 }]);
  });

  it('marks a prevHash that is not the previous hash, a missing event, and a first event naming a previous hash', () => {
    expect(chainLinks([event(1, 'a', null), event(2, 'b', 'x')])[1]).toEqual({ kind: 'broken', after: 1 });
    expect(chainLinks([event(1, 'a', null), event(3, 'c', 'b')])[1]).toEqual({ kind: 'broken', after: 1 });
    expect(chainLinks([event(1, 'a', 'z')])).toEqual([{ kind: 'broken', after: null }]);
    expect(chainLinks([event(2, 'b', null)])).toEqual([{ kind: 'broken', after: null }]);
  });

  it("groups verify's violations of this issue by version, leaving other issues' out", () => {
    const report: VerifyReport = {
      ok: false,
      streamsChecked: 3,
      eventsChecked: 9,
      violations: [
        { issueId: 'mine', version: 2, kind: 'hash-mismatch', detail: 'changed' },
        { issueId: 'other', version: 2, kind: 'version-gap', detail: 'gap' },
        { issueId: 'mine', version: 2, kind: 'illegal-transition', detail: 'not allowed' },
        { issueId: 'mine', version: 4, kind: 'unknown-event', detail: 'what' },
      ],
    };
    const byVersion = violationsByVersion(report, 'mine');
    expect([...byVersion.keys()]).toEqual([2, 4]);
    expect(byVersion.get(2)?.map((violation) => violation.kind)).toEqual(['hash-mismatch', 'illegal-transition']);
    expect(violationsByVersion(null, 'mine').size).toBe(0);
  });
});
