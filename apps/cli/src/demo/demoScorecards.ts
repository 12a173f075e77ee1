import type TestAgent from 'supertest/lib/agent';
import type { Area } from '../../../api/src/config/areas';
import { AREA_PROFILES } from './demoAreas';
import { addMonths, previousMeeting } from './demoCalendar';
import { inPool } from './inPool';
import { Prng } from './prng';

interface MenuItem {
  readonly id: string;
  readonly unit: string;
  readonly higherIsBetter: boolean;
  readonly source: 'issues' | 'recorded';
}

export type ScorecardOutcome =
  | { readonly available: false; readonly reason: string }
  | { readonly available: true; readonly areas: number; readonly figures: number; readonly quarters: readonly string[] };

export interface ScorecardOptions {
  readonly http: TestAgent;
  readonly authorization: string;
  readonly areas: readonly Area[];
  readonly seed: number;
  readonly now: Date;
  readonly months: number;
}

/**
 * Each area's residents choose 10 to 12 indicators at a board meeting at the start of the
 * history, and the council records a figure for every recorded one they chose, for the current
 * quarter and the three before it (what a scorecard of four quarters shows). Through the API's
 * routes, so only when this build has them.
 */
export async function demoScorecards(options: ScorecardOptions): Promise<ScorecardOutcome> {
  const { http, authorization, areas, now } = options;
  const menuAnswer = await http.get('/scorecards/indicators');
  if (menuAnswer.status === 404) return { available: false, reason: 'this build has no scorecard routes (GET /scorecards/indicators answered 404)' };
  if (menuAnswer.status !== 200) throw refused('GET /scorecards/indicators', menuAnswer);
  const menu = menuAnswer.body as MenuItem[];

  // A PRNG of its own, so the scorecards never change the shape of the issues' history; every
  // draw is made before anything is sent, so the areas can be sent side by side.
  const rng = new Prng(options.seed ^ 0x5c0cad);
  const quarters = lastQuarters(now, 4);
  const plans = areas.map((area, areaIndex) => {
    const chosen = rng.sample(menu, rng.int(10, 12));
    const size = AREA_PROFILES[area.id]?.weight ?? 1;
    const figures = chosen
      .filter((item) => item.source === 'recorded')
      .flatMap((indicator) => {
        let value = startingValue(rng, indicator, size);
        return quarters.map((quarter) => {
          const figure = { indicator: indicator.id, quarter, value };
          value = nextValue(rng, indicator, value);
          return figure;
        });
      });
    return { area, indicators: chosen.map((item) => item.id), chosenAt: previousMeeting(areaIndex, addMonths(now, -options.months)), figures };
  });

  // One area's commands in order (its own stream); several areas at once.
  const recorded = await inPool(plans, 4, async ({ area, indicators, chosenAt, figures }) => {
    const choice = await http
      .put(`/areas/${area.id}/scorecard`)
      .set('Authorization', authorization)
      .send({ indicators, chosenAt: chosenAt.toISOString(), note: 'Chosen by residents at the area board meeting.' });
    if (choice.status !== 200) throw refused(`PUT /areas/${area.id}/scorecard`, choice);
    for (const figure of figures) {
      const answer = await http.post(`/areas/${area.id}/scorecard/figures`).set('Authorization', authorization).send(figure);
      if (answer.status !== 201) throw refused(`POST /areas/${area.id}/scorecard/figures`, answer);
    }
    return figures.length;
  });
  return { available: true, areas: areas.length, figures: recorded.reduce((sum, n) => sum + n, 0), quarters };
}

/** A plausible figure: percentages high where higher is better and low where not; counts by the area's size. */
function startingValue(rng: Prng, indicator: MenuItem, size: number): number {
  const draw = rng.next();
  if (indicator.unit === '%') return round(indicator.higherIsBetter ? 70 + 25 * draw : 3 + 20 * draw);
  return Math.round(size * (10 + 50 * draw));
}

/** Quarter to quarter, a figure drifts by up to about a tenth. */
function nextValue(rng: Prng, indicator: MenuItem, value: number): number {
  const drifted = value * (1 + rng.between(-0.1, 0.1));
  return indicator.unit === '%' ? round(Math.min(100, Math.max(0, drifted))) : Math.max(0, Math.round(drifted));
}

/** `YYYY-Qn` of the `count` quarters ending with the current one, oldest first. */
export function lastQuarters(now: Date, count: number): string[] {
  const current = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3);
  return Array.from({ length: count }, (_, i) => current - count + 1 + i).map((index) => `${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
}

const round = (value: number) => Math.round(value * 10) / 10;

const refused = (what: string, answer: { status: number; body: unknown }) =>
  new Error(`the API refused ${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
