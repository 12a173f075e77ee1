import type { IssueEvent } from '@app/lifecycle';
import { history } from '../testing/issueHistory';
import { HARNESS_STORES, newIssueId, ProjectionHarness } from '../testing/projectionHarness';
import { publicIssue } from './publicIssue';
import { publicTrackerProjection } from './publicTrackerProjection';
import { youSaidWeDid } from './youSaidWeDid';

const at = (day: number, hour = 9) => `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const note = (text: string, isPublic: boolean, occurredAt: string): IssueEvent => ({ type: 'NoteAdded', occurredAt, data: { text, public: isPublic } });

describe.each(HARNESS_STORES)('public tracker projection, on %s', (kind) => {
  let harness: ProjectionHarness;
  beforeEach(async () => (harness = await ProjectionHarness.open([publicTrackerProjection], kind)));
  afterEach(() => harness.close());

  const row = async (issueId: string) => (await harness.rows('SELECT * FROM public_issues WHERE issue_id = $1', [issueId]))[0];

  it('given an issue logged, then its public row and a one-step timeline, with no outcome', async () => {
    const id = newIssueId();
    await harness.given(id, history([['log', at(2)]], { reference: 'TROW-2026-00007', title: 'Broken streetlight', category: 'streetLighting' }));
    await harness.settle();
    expect(await row(id)).toMatchObject({
      issue_id: id,
      reference: 'TROW-2026-00007',
      title: 'Broken streetlight',
      category: 'streetLighting',
      area_id: 'trowbridge',
      status: 'logged',
      logged_at: at(2),
      resolved_at: null,
      outcome: null,
    });
    expect(await publicIssue(harness.db, 'TROW-2026-00007')).toEqual({
      reference: 'TROW-2026-00007',
      title: 'Broken streetlight',
      category: 'streetLighting',
      areaId: 'trowbridge',
      status: 'logged',
      loggedAt: at(2),
      timeline: [{ status: 'logged', at: at(2) }],
    });
    expect(await publicIssue(harness.db, 'TROW-2026-00008')).toBeUndefined();
  });

  it('given the full path with a reopen, then a step per change of status and only the standing outcome', async () => {
    const id = newIssueId();
    const steps = [
      ['log', at(2)],
      ['board-review', at(3)],
      ['roundtable', at(4)],
      ['resolve', at(5)],
      ['feed-back', at(6)],
      ['reopen', at(7)],
    ] as const;
    const first = history(steps, { reference: 'TROW-2026-00010' }, { resolve: { outcome: 'Patched on 5 March.' } });
    await harness.given(id, first);
    await harness.settle();
    const reopened = await publicIssue(harness.db, 'TROW-2026-00010');
    expect(reopened?.status).toBe('logged');
    expect(reopened).not.toHaveProperty('outcome');
    expect(await row(id)).toMatchObject({ resolved_at: null, outcome: null });

    const second = history([...steps, ['refer', at(8)], ['resolve', at(9)]], { reference: 'TROW-2026-00010' }, { resolve: { outcome: 'Resurfaced on 9 March.' } });
    await harness.given(id, second.slice(first.length));
    await harness.settle();
    expect(await publicIssue(harness.db, 'TROW-2026-00010')).toMatchObject({
      status: 'resolved',
      outcome: 'Resurfaced on 9 March.',
      timeline: [
        { status: 'logged', at: at(2) },
        { status: 'boardReview', at: at(3) },
        { status: 'roundtable', at: at(4) },
        { status: 'resolved', at: at(5) },
        { status: 'fedBack', at: at(6) },
        { status: 'logged', at: at(7) },
        { status: 'referred', at: at(8) },
        { status: 'resolved', at: at(9) },
      ],
    });
    expect(await row(id)).toMatchObject({ status: 'resolved', resolved_at: at(9) });
  });

  it('given public and internal notes, assignments and a referral note, then only the public notes show, at the status then', async () => {
    const id = newIssueId();
    await harness.given(id, history([['log', at(2)], ['assign', at(2, 10)]], { reference: 'TROW-2026-00011' }));
    await harness.given(id, [note('A crew visits on Friday.', true, at(2, 11)), note('Resident sounded angry on the phone.', false, at(2, 12))]);
    await harness.given(id, history([['log', at(2)], ['refer', at(3)]], {}, { refer: { serviceProvider: 'Highways', note: 'Internal: call Bob first' } }).slice(1));
    await harness.given(id, [note('Highways have it in this week.', true, at(4))]);
    await harness.settle();
    const view = await publicIssue(harness.db, 'TROW-2026-00011');
    expect(view?.timeline).toEqual([
      { status: 'logged', at: at(2) },
      { status: 'logged', at: at(2, 11), note: 'A crew visits on Friday.' },
      { status: 'referred', at: at(3) },
      { status: 'referred', at: at(4), note: 'Highways have it in this week.' },
    ]);
    const everything = JSON.stringify(await harness.rows('SELECT * FROM public_timeline')) + JSON.stringify(await harness.rows('SELECT * FROM public_issues'));
    for (const secret of ['angry', 'call Bob', 'officer-7', 'Highways"']) expect(everything).not.toContain(secret);
  });

  it('given a wait on the resident from each status it may be asked in, then the reply returns to that status, and neither question nor answer shows', async () => {
    const paths = [
      ['TROW-2026-00030', [['log', at(2)]], 'logged'],
      ['TROW-2026-00031', [['log', at(2)], ['refer', at(3)]], 'referred'],
      ['TROW-2026-00032', [['log', at(2)], ['board-review', at(3)]], 'boardReview'],
      ['TROW-2026-00033', [['log', at(2)], ['board-review', at(3)], ['roundtable', at(4)]], 'roundtable'],
    ] as const;
    for (const [reference, steps, left] of paths) {
      const asked = [...steps, ['await-resident', at(10)], ['notes', at(11)], ['resident-replied', at(12)]] as const;
      const overrides = { 'await-resident': { question: 'Secret question: which gate code?' }, 'resident-replied': { answer: 'Secret answer: 4711' }, notes: { public: true, text: 'Waiting to hear back.' } };
      await harness.given(newIssueId(), history(asked, { reference }, overrides));
      await harness.settle();
      const view = await publicIssue(harness.db, reference);
      expect(view?.status).toBe(left);
      expect(view?.timeline.slice(-3)).toEqual([
        { status: 'awaitingResident', at: at(10) },
        { status: 'awaitingResident', at: at(11), note: 'Waiting to hear back.' },
        { status: left, at: at(12) },
      ]);
    }
    const tables = JSON.stringify([await harness.rows('SELECT * FROM public_issues'), await harness.rows('SELECT * FROM public_timeline')]);
    expect(tables).not.toContain('Secret');
  });

  it('given a withdrawal, then the timeline ends withdrawn, with no outcome and no place in you-said-we-did', async () => {
    const id = newIssueId();
    await harness.given(id, history([['log', at(2)], ['refer', at(3)], ['withdraw', at(4)]], { reference: 'TROW-2026-00012' }));
    await harness.settle();
    const view = await publicIssue(harness.db, 'TROW-2026-00012');
    expect(view).toMatchObject({ status: 'withdrawn' });
    expect(view).not.toHaveProperty('outcome');
    expect(view?.timeline.map((step) => step.status)).toEqual(['logged', 'referred', 'withdrawn']);
    expect(await youSaidWeDid(harness.db, { limit: 50, offset: 0 })).toEqual({ items: [], total: 0 });
  });

  it('given issues resolved at different times in two areas, then you-said-we-did lists the resolved and fed back, latest resolution first, by area and in pages', async () => {
    const resolvedOn = (reference: string, areaId: string, resolvedDay: number, more: Array<['feed-back' | 'reopen', string]> = []) =>
      history([['log', at(1)], ['refer', at(2)], ['resolve', at(resolvedDay)], ...more], { reference, areaId }, { resolve: { outcome: `Outcome of ${reference}` } });
    await harness.given(newIssueId(), resolvedOn('TROW-2026-00001', 'trowbridge', 10));
    await harness.given(newIssueId(), resolvedOn('TROW-2026-00002', 'trowbridge', 12, [['feed-back', at(20)]]));
    await harness.given(newIssueId(), resolvedOn('CALN-2026-00001', 'calne', 11));
    await harness.given(newIssueId(), resolvedOn('TROW-2026-00003', 'trowbridge', 15, [['feed-back', at(16)], ['reopen', at(17)]]));
    await harness.given(newIssueId(), history([['log', at(1)], ['refer', at(25)]], { reference: 'TROW-2026-00004' }));
    await harness.settle();

    const all = await youSaidWeDid(harness.db, { limit: 50, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.items.map((item) => item.reference)).toEqual(['TROW-2026-00002', 'CALN-2026-00001', 'TROW-2026-00001']);
    expect(all.items[0]).toEqual({
      reference: 'TROW-2026-00002',
      title: 'Pothole on Castle Street',
      category: 'highways',
      areaId: 'trowbridge',
      status: 'fedBack',
      loggedAt: at(1),
      resolvedAt: at(12),
      outcome: 'Outcome of TROW-2026-00002',
    });
    const trowbridge = await youSaidWeDid(harness.db, { areaId: 'trowbridge', limit: 50, offset: 0 });
    expect(trowbridge).toMatchObject({ total: 2 });
    expect(trowbridge.items.map((item) => item.reference)).toEqual(['TROW-2026-00002', 'TROW-2026-00001']);
    const page = await youSaidWeDid(harness.db, { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.items.map((item) => item.reference)).toEqual(['CALN-2026-00001']);
  });

  it('given an issue raised with personal data, then no column of either table holds any of it', async () => {
    const id = newIssueId();
    const personal = ['Zebedee Quillfeather', 'zebedee.q@example.net', '07700 900123', '42 Wisteria Lane, Trowbridge'];
    const [name, email, phone, address] = personal;
    await harness.given(
      id,
      history(
        [['log', at(2)], ['board-review', at(3)], ['roundtable', at(4)], ['resolve', at(5)], ['feed-back', at(6)], ['reopen', at(7)], ['withdraw', at(8)]],
        { reference: 'TROW-2026-00020', raisedBy: { name, email, phone }, location: { lat: 51.3, lng: -2.2, address } },
        {
          'board-review': { report: `Report naming ${name}` },
          roundtable: { participants: [name, 'Cllr Smith'] },
          'feed-back': { message: `Dear ${name}, we fixed it`, channel: 'email' },
          reopen: { reason: `${name} says it is back` },
          withdraw: { reason: `${name} moved to ${address}` },
        },
      ),
    );
    await harness.settle();
    const tables = JSON.stringify([await harness.rows('SELECT * FROM public_issues'), await harness.rows('SELECT * FROM public_timeline')]);
    expect(tables).toContain('TROW-2026-00020');
    for (const value of [...personal, 'Zebedee', 'Wisteria', '900123', 'Cllr Smith']) expect(tables).not.toContain(value);
  });
});
