import type { Actor } from '@app/lifecycle';
import { decideImportedIssue } from './decideImportedIssue';
import { sampleImportLine } from './testing/sampleImportLine';
import { parseImportLine } from './parseImportLine';

const admin: Actor = { kind: 'staff', id: 'admin-1', role: 'admin', areas: ['*'] };
const now = new Date('2026-11-23T12:00:00.000Z');

async function lineOf(value: unknown) {
  const parsed = await parseImportLine(JSON.stringify(value));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value.line;
}

describe('decideImportedIssue: the lifecycle’s decide, transition by transition, all or nothing', () => {
  it('decides a whole history with its own dates, years back, with the reference given', async () => {
    const decided = decideImportedIssue(await lineOf(sampleImportLine()), 'TROW-2019-00001', { actor: admin, now });
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    expect(decided.value.map((event) => [event.type, event.occurredAt])).toEqual([
      ['IssueLogged', '2019-03-04T09:30:00.000Z'],
      ['IssueReferred', '2019-03-05T10:00:00.000Z'],
      ['IssueResolved', '2019-03-20T16:00:00.000Z'],
      ['OutcomeFedBack', '2019-03-21T09:00:00.000Z'],
    ]);
    expect(decided.value[0].data).toMatchObject({ reference: 'TROW-2019-00001', title: 'Broken street light on Bond Street' });
  });

  it('refuses a transition the issue’s status does not allow, naming it and what was allowed', async () => {
    const line = sampleImportLine();
    const decided = decideImportedIssue(await lineOf({ ...line, transitions: [line.transitions[1]] }), '', { actor: admin, now });
    expect(decided).toEqual({ ok: false, error: expect.stringMatching(/^transitions\[0\] \(resolve\): resolve is not allowed while the issue is logged \(allowed: refer, board-review/) });
  });

  it('refuses dates going backwards and dates in the future, for the issue and for each transition', async () => {
    const line = sampleImportLine();
    const backwards = [line.transitions[0], { ...line.transitions[1], occurredAt: '2019-03-05T09:59:59.000Z' }];
    expect(decideImportedIssue(await lineOf({ ...line, transitions: backwards }), '', { actor: admin, now })).toEqual({
      ok: false,
      error: expect.stringMatching(/^transitions\[1\] \(resolve\): occurredAt must not be before the issue's previous event \(2019-03-05T10:00:00.000Z\)/),
    });
    expect(decideImportedIssue(await lineOf(sampleImportLine({ transitions: [] }, { loggedAt: '2026-11-24T00:00:00Z' })), '', { actor: admin, now })).toEqual({
      ok: false,
      error: 'issue.loggedAt: occurredAt must not be in the future',
    });
    const future = [{ ...line.transitions[0], occurredAt: '2027-01-01T00:00:00Z' }];
    expect(decideImportedIssue(await lineOf({ ...line, transitions: future }), '', { actor: admin, now })).toMatchObject({ ok: false, error: /in the future/ });
  });

  it('decides with the importer as actor: staff other than admin may not date far back', async () => {
    const manager: Actor = { kind: 'staff', id: 'manager-1', role: 'areaManager', areas: ['trowbridge'] };
    expect(decideImportedIssue(await lineOf(sampleImportLine()), '', { actor: manager, now })).toMatchObject({ ok: false, error: /more than 30 days back may be recorded by admin only/ });
  });
});
