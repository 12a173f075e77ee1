import { fixedServiceLevels, SAMPLE_POLICY } from '@app/service-levels/testing/fixedServiceLevels';
import { HARNESS_STORES, newIssueId, ProjectionHarness } from '../testing/projectionHarness';
import { history } from '../testing/issueHistory';
import { issuesProjection } from './issuesProjection';

describe.each(HARNESS_STORES)('issues projection, on %s', (kind) => {
  let harness: ProjectionHarness;
  beforeEach(async () => (harness = await ProjectionHarness.open([issuesProjection({ serviceLevels: fixedServiceLevels() })], kind)));
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
  describe('deadlines (the sample policy: trowbridge highways acknowledged in 2 working days, resolved in 10, fed back in 5)', () => {
    const at = (day: string) => `${day}T09:00:00.000Z`;
    const underPolicy = { policyVersion: SAMPLE_POLICY.version };
    const deadlines = async (issueId: string) => {
      const { next_deadline_due, ack_due, ack_state, resolve_due, resolve_state, feed_back_due, feed_back_state, resolve_working_days, workflow_version, policy_version } = await row(issueId);
      return { next_deadline_due, ack_due, ack_state, resolve_due, resolve_state, feed_back_due, feed_back_state, resolve_working_days: resolve_working_days === null ? null : Number(resolve_working_days), workflow_version: Number(workflow_version), policy_version };
    };

    it('given an issue just logged (Monday 2 March), then its acknowledgement is the next deadline due', async () => {
      const id = newIssueId();
      await harness.given(id, history([['log', at('2026-03-02')]], underPolicy));
      await harness.settle();
      expect(await deadlines(id)).toEqual({
        next_deadline_due: '2026-03-04',
        ack_due: '2026-03-04',
        ack_state: 'running',
        resolve_due: '2026-03-16',
        resolve_state: 'running',
        feed_back_due: null,
        feed_back_state: null,
        resolve_working_days: null,
        workflow_version: 2,
        policy_version: '2026-1',
      });
    });

    it('given a question to the resident, then the resolve deadline is paused and none is due until the reply moves it on', async () => {
      const id = newIssueId();
      const steps = [['log', at('2026-03-02')], ['await-resident', at('2026-03-03')], ['resident-replied', at('2026-03-05')]] as const;
      const events = history(steps, underPolicy);
      await harness.given(id, events.slice(0, 2));
      await harness.settle();
      expect(await deadlines(id)).toMatchObject({ next_deadline_due: null, ack_state: 'met', resolve_state: 'paused' });
      // Paused on Tuesday 3 and Wednesday 4: two working days later than 16 March.
      await harness.given(id, events.slice(2));
      await harness.settle();
      expect(await deadlines(id)).toMatchObject({ next_deadline_due: '2026-03-18', resolve_due: '2026-03-18', resolve_state: 'running' });
    });

    it('given a resolution in time, then resolve is met, feedback the next due, and met too once fed back', async () => {
      const id = newIssueId();
      const events = history([['log', at('2026-03-02')], ['refer', at('2026-03-03')], ['resolve', at('2026-03-10')], ['feed-back', at('2026-03-12')]], underPolicy);
      await harness.given(id, events.slice(0, 3));
      await harness.settle();
      expect(await deadlines(id)).toMatchObject({ next_deadline_due: '2026-03-17', ack_state: 'met', resolve_state: 'met', feed_back_due: '2026-03-17', feed_back_state: 'running', resolve_working_days: 6 });
      await harness.given(id, events.slice(3));
      await harness.settle();
      expect(await deadlines(id)).toMatchObject({ next_deadline_due: null, feed_back_state: 'met', resolve_working_days: 6 });
    });

    it('given a reopening (Friday 20 March), then a fresh resolve deadline counts from it, over the Easter bank holidays', async () => {
      const id = newIssueId();
      await harness.given(id, history([['log', at('2026-03-02')], ['refer', at('2026-03-03')], ['resolve', at('2026-03-10')], ['feed-back', at('2026-03-12')], ['reopen', at('2026-03-20')]], underPolicy));
      await harness.settle();
      expect(await deadlines(id)).toMatchObject({ next_deadline_due: '2026-04-07', resolve_due: '2026-04-07', resolve_state: 'running', feed_back_due: null, feed_back_state: null, resolve_working_days: 6 });
    });

    it('given an issue logged before service levels, then it has no deadlines', async () => {
      const id = newIssueId();
      await harness.given(id, history([['log', at('2026-03-02')]]));
      await harness.settle();
      expect(await deadlines(id)).toMatchObject({ next_deadline_due: null, ack_due: null, resolve_state: null, policy_version: null });
    });
  });
});
