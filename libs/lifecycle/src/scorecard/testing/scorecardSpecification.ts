import { admin, AREA, NOW } from '../../testing/fixtures';
import { decideScorecard, type ScorecardDecisionContext, type ScorecardDecisionError } from '../decideScorecard';
import { foldScorecard, type ScorecardState } from '../evolveScorecard';
import { INDICATORS } from '../indicators';
import type { ChooseScorecardData, RecordFigureData, ScorecardCommand } from '../scorecardCommands';
import type { ScorecardEvent } from '../scorecardEvents';

export { AREA, NOW };

export const issueDerived = INDICATORS.filter((indicator) => indicator.source === 'issues').map((indicator) => indicator.id);
export const recordedIds = INDICATORS.filter((indicator) => indicator.source === 'recorded').map((indicator) => indicator.id);
/** The first `count` ids of the menu. */
export const menuIds = (count: number) => INDICATORS.slice(0, count).map((indicator) => indicator.id);

export const choose = (data: Partial<ChooseScorecardData> = {}, areaId = AREA): ScorecardCommand => ({
  type: 'choose-scorecard',
  areaId,
  data: { indicators: menuIds(10), chosenAt: '2026-11-20', ...data },
});

export const recordFigure = (data: Partial<RecordFigureData> = {}, areaId = AREA): ScorecardCommand => ({
  type: 'record-figure',
  areaId,
  data: { indicator: 'grass-cuts-carried-out', quarter: '2026-Q3', value: 12, ...data },
});

/** Given an area's events, when a scorecard command, then events (and the state they lead to) or an error. */
export function given(events: ScorecardEvent[]) {
  return {
    when(command: ScorecardCommand, context: Partial<ScorecardDecisionContext> = {}) {
      const result = decideScorecard(foldScorecard(events), command, { actor: admin, now: NOW, ...context });
      return {
        thenEvents(expected: Array<Partial<ScorecardEvent>>) {
          if (!result.ok) throw new Error(`expected events, got error ${JSON.stringify(result.error)}`);
          expect(result.value).toEqual(expected.map((event) => expect.objectContaining(event)));
          return { andState: (state: Partial<ScorecardState>) => expect(foldScorecard([...events, ...result.value])).toMatchObject(state) };
        },
        thenError(expected: Partial<ScorecardDecisionError>) {
          if (result.ok) throw new Error(`expected an error, got events ${JSON.stringify(result.value)}`);
          expect(result.error).toEqual(expect.objectContaining(expected));
          return { withProblems: (...fragments: string[]) => expectProblems(result.error, fragments) };
        },
      };
    },
  };
}

function expectProblems(error: ScorecardDecisionError, fragments: string[]) {
  if (error.kind !== 'invalid-scorecard') throw new Error(`expected invalid-scorecard, got ${error.kind}`);
  for (const fragment of fragments) expect(error.problems.join('\n')).toContain(fragment);
}

/** Run commands through `decideScorecard` from nothing and return the events they record. */
export function eventsOf(commands: ScorecardCommand[], context: Partial<ScorecardDecisionContext> = {}): ScorecardEvent[] {
  const events: ScorecardEvent[] = [];
  for (const command of commands) {
    const result = decideScorecard(foldScorecard(events), command, { actor: admin, now: NOW, ...context });
    if (!result.ok) throw new Error(`setting up: ${command.type} refused: ${JSON.stringify(result.error)}`);
    events.push(...result.value);
  }
  return events;
}
