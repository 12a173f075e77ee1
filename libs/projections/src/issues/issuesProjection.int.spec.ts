import { HARNESS_STORES, newIssueId, ProjectionHarness } from '../testing/projectionHarness';
import { history } from '../testing/issueHistory';
import { issuesProjection } from './issuesProjection';

describe.each(HARNESS_STORES)('issues projection, on %s', (kind) => {
  let harness: ProjectionHarness;
  beforeEach(async () => (harness = await ProjectionHarness.open([issuesProjection], kind)));
  afterEach(() => harness.close());

  const row = async (issueId: string) => (await harness.rows('SELECT * FROM issues WHERE issue_id = $1', [issueId]))[0];

  it('given an issue logged, then one row with what was raised, at version 1', async () => {
    const id = newIssueId();
    await harness.given(id, history([['log', '2026-03-02T09:00:00.000Z']], { channel: 'email', reference: 'TROW-2026-00007' }));
    await harness.settle();
    expect(await row(id)).toMatchObject({
      issue_id: id,
      reference: 'TROW-2026-00007',
      title: 'Pothole on Castle Street',
      category: 'highways',
      area_id: 'trowbridge',
      channel: 'email',
      status: 'logged',
      version: 1,
      logged_at: '2026-03-02T09:00:00.000Z',
      first_resolved_at: null,
      resolve_days: null,
      reached_board_review: 0,
    });
    expect(JSON.parse((await row(id)).raised_by as string)).toEqual({ name: 'Ada Resident', email: 'ada@example.org' });
  });

  it('given several issues moving in one page, then each row is the fold of its own events', async () => {
    const [a, b] = [newIssueId(), newIssueId()];
    await harness.given(a, history([['log', '2026-03-02T09:00:00.000Z'], ['board-review', '2026-03-03T09:00:00.000Z'], ['roundtable', '2026-03-04T09:00:00.000Z']]));
    await harness.given(b, history([['log', '2026-03-02T10:00:00.000Z'], ['assign', '2026-03-02T11:00:00.000Z'], ['notes', '2026-03-02T12:00:00.000Z']]));
    await harness.settle();
    expect(await row(a)).toMatchObject({ status: 'roundtable', version: 3, reached_board_review: 1, reached_roundtable: 1 });
    expect(await row(b)).toMatchObject({ status: 'logged', version: 3, officer: 'officer-7', due_by: '2026-12-20', reached_board_review: 0 });
  });

  it('given resolve, reopen and resolve again, then the first resolution and feedback are kept for the KPIs', async () => {
    const id = newIssueId();
    await harness.given(
      id,
      history([
        ['log', '2026-03-02T00:00:00.000Z'],
        ['refer', '2026-03-03T00:00:00.000Z'],
        ['resolve', '2026-03-05T12:00:00.000Z'],
        ['feed-back', '2026-03-06T12:00:00.000Z'],
        ['reopen', '2026-03-10T00:00:00.000Z'],
        ['refer', '2026-03-11T00:00:00.000Z'],
        ['resolve', '2026-03-20T00:00:00.000Z'],
      ]),
    );
    await harness.settle();
    const resolved = await row(id);
    expect(resolved).toMatchObject({
      status: 'resolved',
      version: 7,
      resolved_at: '2026-03-20T00:00:00.000Z',
      first_resolved_at: '2026-03-05T12:00:00.000Z',
      first_fed_back_at: '2026-03-06T12:00:00.000Z',
      fed_back_at: null,
    });
    expect(Number(resolved.resolve_days)).toBe(3.5);
    expect(Number(resolved.feed_back_days)).toBe(1);
  });

  it('given events appended after it went live, then it follows them', async () => {
    const id = newIssueId();
    await harness.given(id, history([['log', '2026-03-02T00:00:00.000Z']]));
    await harness.settle();
    await harness.given(id, history([['log', '2026-03-02T00:00:00.000Z'], ['withdraw', '2026-03-03T00:00:00.000Z']]).slice(1));
    await harness.settle();
    expect(await row(id)).toMatchObject({ status: 'withdrawn', version: 2 });
  });
});
