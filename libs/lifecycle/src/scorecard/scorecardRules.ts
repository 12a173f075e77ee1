import { err, ok, type Result } from '../result';
import { indicatorById } from './indicators';
import { compareQuarters, formatQuarter, londonDateOf, parseQuarter, quarterOf } from './quarter';
import { type ChooseScorecardData, type RecordFigureData, SCORECARD_SIZE } from './scorecardCommands';
import type { ScorecardChosen, ScorecardFigureRecorded } from './scorecardEvents';

/** Each problem starts with the field it is about, as the edge's validation messages do. */
export type Problems = readonly string[];

const MENU = 'GET /scorecards/indicators';
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** A choice of 10 to 12 distinct ids from the menu, made on a day that has come. */
export function checkChoice(data: ChooseScorecardData, now: Date): Result<ScorecardChosen['data'], Problems> {
  const problems: string[] = [];
  const { indicators } = data;
  const { min, max } = SCORECARD_SIZE;
  if (indicators.length < min || indicators.length > max) {
    problems.push(`indicators must hold ${min} to ${max} ids from ${MENU}, got ${indicators.length}`);
  }
  const repeated = indicators.filter((id, index) => indicators.indexOf(id) !== index);
  if (repeated.length > 0) problems.push(`indicators must name each indicator once; repeated: ${[...new Set(repeated)].join(', ')}`);
  const unknown = indicators.filter((id) => !indicatorById(id));
  if (unknown.length > 0) problems.push(`indicators must be ids from ${MENU}; unknown: ${unknown.join(', ')}`);

  const chosenAt = normaliseChosenAt(data.chosenAt);
  if (chosenAt === undefined) problems.push(`chosenAt must be an ISO 8601 date or date-time, got ${data.chosenAt}`);
  else if (isFuture(chosenAt, now)) problems.push('chosenAt must not be in the future');

  if (problems.length > 0 || chosenAt === undefined) return err(problems);
  return ok({ indicators: [...indicators], chosenAt, note: data.note ?? null });
}

/** A figure of a recorded indicator, for the current quarter or an earlier one. */
export function checkFigure(data: RecordFigureData, now: Date): Result<ScorecardFigureRecorded['data'], Problems> {
  const problems: string[] = [];
  const indicator = indicatorById(data.indicator);
  if (!indicator) problems.push(`indicator must be an id from ${MENU}, got ${data.indicator}`);
  else if (indicator.source !== 'recorded') {
    problems.push(`indicator ${indicator.id} is computed from the area's issues; figures are recorded only for indicators with source "recorded"`);
  }
  const quarter = parseQuarter(data.quarter);
  const current = quarterOf(now);
  if (!quarter) problems.push(`quarter must be YYYY-Qn (e.g. ${formatQuarter(current)}), got ${data.quarter}`);
  else if (compareQuarters(quarter, current) > 0) {
    problems.push(`quarter must not be in the future: the current quarter is ${formatQuarter(current)}`);
  }
  if (!Number.isFinite(data.value)) problems.push('value must be a finite number');

  if (problems.length > 0 || !quarter) return err(problems);
  return ok({ indicator: data.indicator, quarter: formatQuarter(quarter), value: data.value, note: data.note ?? null });
}

/** A bare date as it stands; a date-time in UTC, as occurredAt is stored. */
function normaliseChosenAt(text: string): string | undefined {
  if (!isCalendarDate(text)) return undefined;
  if (BARE_DATE.test(text)) return text;
  if (!DATE_TIME.test(text)) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** JavaScript rolls 30 February over into March: the date part must exist on the calendar. */
function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A bare date is in the future from the next day in Europe/London on; a date-time from the next instant. */
const isFuture = (chosenAt: string, now: Date): boolean =>
  BARE_DATE.test(chosenAt) ? chosenAt > londonDateOf(now) : Date.parse(chosenAt) > now.getTime();
