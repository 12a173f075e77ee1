import type { Area } from '../shared/contract';
import { checkForm, type FieldProblems, type FieldSpec, type FieldValues, type FormCheck } from '../shared/formFields';
import { addressRoomProblem, withAddress } from '../shared/addressAlone';
import { en } from '../shared/i18n/en';
import { categoryIn } from '../shared/i18n/wordsFor';
import type { ResidentWords } from '../shared/i18n/words';

export { LOCATION_AS_GIVEN, withAddress } from '../shared/addressAlone';

/*
 * The resident's report form (POST /issues, channel `online`, the limits of
 * apps/api/src/issues/intake/logIssue.dto.ts) and its check before sending. Where the issue is
 * comes as a point from the browser (with the address, if typed, beside it) or as an address
 * alone: the contract's `location` needs lat and lng, so an address alone goes into the
 * description as its last paragraph, "Location as given: ...", as the Open311 intake does
 * (apps/api/src/open311/serviceRequestIntake.ts). The words are the page's language, which goes
 * with the report as `raisedBy.language`. Pure: unit-tested (reportFields.unit.spec.ts).
 */

export const ADDRESS = 'location.address';
const DESCRIPTION = 'description';
const DESCRIPTION_MAX = 5000;

/** A point the browser gave (Geolocation), in degrees. */
export interface Point {
  readonly lat: number;
  readonly lng: number;
}

/** What the issue is, and where the council should send it. */
export function issueFields(categories: readonly string[], areas: readonly Area[], words: ResidentWords = en): FieldSpec[] {
  const text = words.report.fields;
  return [
    { name: 'title', kind: 'text', required: true, min: 3, max: 200, ...text.title },
    { name: DESCRIPTION, kind: 'longText', required: true, max: DESCRIPTION_MAX, ...text.description },
    { name: 'category', kind: 'choice', required: true, options: categories.map((category) => ({ value: category, label: categoryIn(words, category) })), ...text.category },
    { name: 'areaId', kind: 'choice', required: true, options: areas.map((area) => ({ value: area.id, label: area.name })), ...text.areaId },
  ];
}

export const addressField = (words: ResidentWords = en): FieldSpec => ({ name: ADDRESS, kind: 'text', required: false, max: 500, ...words.report.fields.address });

/** Who is reporting it: for the council to reply (by email, else by letter, else by phone), never shown publicly. */
export function residentFields(words: ResidentWords = en): FieldSpec[] {
  const text = words.report.fields;
  return [
    { name: 'raisedBy.name', kind: 'text', required: true, max: 200, autocomplete: 'name', ...text.name },
    { name: 'raisedBy.email', kind: 'email', required: false, ...text.email },
    { name: 'raisedBy.phone', kind: 'text', required: false, min: 3, max: 40, autocomplete: 'tel', ...text.phone },
    { name: 'raisedBy.postalAddress', kind: 'longText', required: false, min: 5, max: 500, autocomplete: 'street-address', ...text.postalAddress },
  ];
}

/** Every field of the form, in its order. */
export const reportFields = (categories: readonly string[], areas: readonly Area[], words: ResidentWords = en): FieldSpec[] => [
  ...issueFields(categories, areas, words),
  addressField(words),
  ...residentFields(words),
];

/** The whole form and the point, if any: the body for POST /issues, or every problem by field. */
export function checkReport(fields: readonly FieldSpec[], values: FieldValues, point: Point | null, now: Date = new Date(), words: ResidentWords = en): FormCheck {
  const checked = checkForm(fields, values, now, words.checks);
  const typed = values[ADDRESS];
  const address = typeof typed === 'string' ? typed.trim() : '';
  const description = values[DESCRIPTION];

  // An address alone travels in the description, which must still fit the API's limit.
  const problems: Record<string, string> = checked.ok ? {} : { ...checked.problems };
  if (point === null && address !== '' && typeof description === 'string' && problems[DESCRIPTION] === undefined && problems[ADDRESS] === undefined) {
    const tooLong = addressRoomProblem(description, address, DESCRIPTION_MAX, words.report.descriptionTooLong);
    if (tooLong) problems[DESCRIPTION] = tooLong;
  }
  if (!checked.ok || Object.keys(problems).length > 0) return { ok: false, problems: problems as FieldProblems };

  const { location: _typedAddress, raisedBy, ...rest } = checked.body as { location?: unknown; raisedBy: Record<string, unknown>; description: string };
  // The resident is written to in the language of the page they reported on.
  const body = { ...rest, raisedBy: { ...raisedBy, language: words.language }, channel: 'online' };
  if (point !== null) return { ok: true, body: { ...body, location: { lat: point.lat, lng: point.lng, ...(address !== '' && { address }) } } };
  if (address !== '') return { ok: true, body: { ...body, description: withAddress(rest.description, address) } };
  return { ok: true, body };
}
