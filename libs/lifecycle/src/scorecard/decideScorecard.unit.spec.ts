import { ROLES } from '../actor';
import { staff } from '../testing/fixtures';
import { INDICATORS } from './indicators';
import { SCORECARD_COMMAND_ROLES } from './scorecardAuthorization';
import { AREA, choose, eventsOf, given, issueDerived, menuIds, NOW, recordedIds, recordFigure } from './testing/scorecardSpecification';

const secondsFromNow = (seconds: number) => new Date(NOW.getTime() + seconds * 1000).toISOString();

describe('decideScorecard: choosing the indicators', () => {
  it.each([10, 11, 12])('accepts %i indicators from the menu, as ScorecardChosen', (count) => {
    given([])
      .when(choose({ indicators: menuIds(count), chosenAt: '2026-11-20', note: 'Residents meeting' }))
      .thenEvents([
        {
          type: 'ScorecardChosen',
          occurredAt: NOW.toISOString(),
          data: { indicators: menuIds(count), chosenAt: '2026-11-20', note: 'Residents meeting' },
        },
      ])
      .andState({ version: 1, indicators: menuIds(count), chosenAt: '2026-11-20', note: 'Residents meeting' });
  });

  it('records no note as null', () => {
    given([]).when(choose()).thenEvents([{ data: { indicators: menuIds(10), chosenAt: '2026-11-20', note: null } }]);
  });

  it.each([9, 13])('refuses %i indicators', (count) => {
    given([])
      .when(choose({ indicators: INDICATORS.slice(0, count).map((i) => i.id) }))
      .thenError({ kind: 'invalid-scorecard' })
      .withProblems('indicators must hold 10 to 12');
  });

  it('refuses an indicator named twice, and names it', () => {
    const ids = [...menuIds(10), menuIds(1)[0]];
    given([]).when(choose({ indicators: ids })).thenError({ kind: 'invalid-scorecard' }).withProblems(`repeated: ${ids[0]}`);
  });

  it('refuses ids off the menu, naming them', () => {
    given([])
      .when(choose({ indicators: [...menuIds(9), 'happiness'] }))
      .thenError({ kind: 'invalid-scorecard' })
      .withProblems('indicators must be ids from GET /scorecards/indicators; unknown: happiness');
  });

  it('replaces an earlier choice whole', () => {
    given(eventsOf([choose()]))
      .when(choose({ indicators: menuIds(12).slice(2), chosenAt: '2026-11-22' }))
      .thenEvents([{ type: 'ScorecardChosen' }])
      .andState({ version: 2, indicators: menuIds(12).slice(2), chosenAt: '2026-11-22', note: null });
  });

  describe('chosenAt', () => {
    it('accepts today, as a bare date, and a past date-time normalised to UTC', () => {
      given([]).when(choose({ chosenAt: '2026-11-23' })).thenEvents([{ data: expect.objectContaining({ chosenAt: '2026-11-23' }) }]);
      given([])
        .when(choose({ chosenAt: '2026-11-23T13:00:00+02:00' }))
        .thenEvents([{ data: expect.objectContaining({ chosenAt: '2026-11-23T11:00:00.000Z' }) }]);
      given([]).when(choose({ chosenAt: NOW.toISOString() })).thenEvents([{ type: 'ScorecardChosen' }]);
    });

    it('refuses a day or an instant in the future', () => {
      for (const chosenAt of ['2026-11-24', secondsFromNow(1)]) {
        given([]).when(choose({ chosenAt })).thenError({ kind: 'invalid-scorecard' }).withProblems('chosenAt must not be in the future');
      }
    });

    it.each(['2026-02-30', 'last Tuesday', '2026-11', '2026-13-01T10:00:00Z', ''])('refuses %p as no ISO 8601 date', (chosenAt) => {
      given([])
        .when(choose({ chosenAt }))
        .thenError({ kind: 'invalid-scorecard' })
        .withProblems('chosenAt must be an ISO 8601 date or date-time');
    });
  });

  it('names every problem at once', () => {
    given([])
      .when(choose({ indicators: ['happiness'], chosenAt: 'soon' }))
      .thenError({ kind: 'invalid-scorecard' })
      .withProblems('indicators must hold', 'unknown: happiness', 'chosenAt');
  });
});

describe('decideScorecard: recording a figure', () => {
  it('records a figure of a recorded indicator as ScorecardFigureRecorded', () => {
    given([])
      .when(recordFigure({ indicator: 'potholes-repaired', quarter: '2026-Q3', value: 42.5, note: 'From the highways contractor' }))
      .thenEvents([
        {
          type: 'ScorecardFigureRecorded',
          occurredAt: NOW.toISOString(),
          data: { indicator: 'potholes-repaired', quarter: '2026-Q3', value: 42.5, note: 'From the highways contractor' },
        },
      ])
      .andState({
        version: 1,
        figures: { 'potholes-repaired': { '2026-Q3': { value: 42.5, note: 'From the highways contractor', recordedAt: NOW.toISOString() } } },
      });
  });

  it.each(recordedIds)('takes figures for %s', (indicator) => {
    given([]).when(recordFigure({ indicator })).thenEvents([{ type: 'ScorecardFigureRecorded' }]);
  });

  it.each(issueDerived)('refuses a figure for %s, which is computed from issues', (indicator) => {
    given([])
      .when(recordFigure({ indicator }))
      .thenError({ kind: 'invalid-scorecard' })
      .withProblems(`indicator ${indicator} is computed from the area's issues`);
  });

  it('refuses an indicator off the menu', () => {
    given([]).when(recordFigure({ indicator: 'happiness' })).thenError({ kind: 'invalid-scorecard' }).withProblems('indicator must be an id from');
  });

  it('takes figures for the current quarter and any earlier one, also for an indicator not chosen', () => {
    const recordedAs = (data: object) => [{ data: expect.objectContaining(data) }];
    given(eventsOf([choose()])).when(recordFigure({ quarter: '2026-Q4' })).thenEvents(recordedAs({ quarter: '2026-Q4' }));
    given([]).when(recordFigure({ quarter: '1999-Q1', value: 0 })).thenEvents(recordedAs({ quarter: '1999-Q1', value: 0 }));
    given([]).when(recordFigure({ value: -3 })).thenEvents([{ data: expect.objectContaining({ value: -3 }) }]);
  });

  it('refuses a future quarter, saying which is the current one', () => {
    for (const quarter of ['2027-Q1', '2030-Q4']) {
      given([])
        .when(recordFigure({ quarter }))
        .thenError({ kind: 'invalid-scorecard' })
        .withProblems('quarter must not be in the future: the current quarter is 2026-Q4');
    }
  });

  it.each(['2026-Q5', '2026Q1', 'Q1 2026', '2026-q1'])('refuses the quarter %p', (quarter) => {
    given([]).when(recordFigure({ quarter })).thenError({ kind: 'invalid-scorecard' }).withProblems('quarter must be YYYY-Qn');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses the value %p', (value) => {
    given([]).when(recordFigure({ value })).thenError({ kind: 'invalid-scorecard' }).withProblems('value must be a finite number');
  });

  it('lets a later figure for the same quarter correct an earlier one', () => {
    given(eventsOf([recordFigure({ value: 12 })]))
      .when(recordFigure({ value: 13, note: 'corrected' }))
      .thenEvents([{ type: 'ScorecardFigureRecorded' }])
      .andState({
        version: 2,
        figures: { 'grass-cuts-carried-out': { '2026-Q3': { value: 13, note: 'corrected', recordedAt: NOW.toISOString() } } },
      });
  });
});

describe('decideScorecard: who may act', () => {
  const commands = { 'choose-scorecard': choose(), 'record-figure': recordFigure() } as const;

  describe.each(Object.keys(commands) as Array<keyof typeof commands>)('%s', (name) => {
    const command = commands[name];
    const roles = SCORECARD_COMMAND_ROLES[name];

    it.each(ROLES.filter((role) => role !== 'admin'))('by %s in their own area', (role) => {
      const attempt = given([]).when(command, { actor: staff(role) });
      if (roles.includes(role)) attempt.thenEvents([{ occurredAt: NOW.toISOString() }]);
      else attempt.thenError({ kind: 'forbidden' });
    });

    it('by admin, serving no area in particular', () => {
      given([]).when(command, { actor: staff('admin', []) }).thenEvents([{ occurredAt: NOW.toISOString() }]);
    });

    it('by a permitted role serving other areas only: forbidden', () => {
      given([])
        .when(command, { actor: staff(roles[0], ['salisbury']) })
        .thenError({ kind: 'forbidden', message: `you do not serve area ${AREA}` });
    });

    it('by staff serving every area', () => {
      given([]).when(command, { actor: staff(roles[0], ['*']) }).thenEvents([{ occurredAt: NOW.toISOString() }]);
    });

    it('anonymously: unauthenticated', () => {
      given([]).when(command, { actor: { kind: 'anonymous' } }).thenError({ kind: 'unauthenticated' });
    });
  });

  it('gives choosing to area managers, and recording figures to officers and area managers', () => {
    expect(SCORECARD_COMMAND_ROLES).toEqual({ 'choose-scorecard': ['areaManager'], 'record-figure': ['officer', 'areaManager'] });
  });
});

describe("decideScorecard: the area stream's version", () => {
  const history = eventsOf([choose(), recordFigure()]);

  it('accepts the current version', () => {
    given(history).when(recordFigure(), { expectedVersion: 2 }).thenEvents([{ type: 'ScorecardFigureRecorded' }]).andState({ version: 3 });
  });

  it('refuses a stale version and says what the current one is', () => {
    given(history)
      .when(choose(), { expectedVersion: 1 })
      .thenError({ kind: 'version-conflict', of: 'area', expectedVersion: 1, currentVersion: 2 });
  });

  it('reports a conflict before a problem with the content', () => {
    given(history).when(recordFigure({ quarter: '2099-Q1' }), { expectedVersion: 0 }).thenError({ kind: 'version-conflict' });
  });

  it('applies at the current version when none is given', () => {
    given(history).when(recordFigure()).thenEvents([{ type: 'ScorecardFigureRecorded' }]).andState({ version: 3 });
  });

  it('never records an event as earlier than the stream latest, whatever the clock says', () => {
    const later = eventsOf([choose()], { now: new Date(NOW.getTime() + 5000) });
    given(later).when(recordFigure()).thenEvents([{ occurredAt: secondsFromNow(5) }]);
  });
});
