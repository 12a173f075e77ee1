import type { Area } from '../shared/contract';
import { checkForm, type FieldProblems, type FieldSpec, type FieldValues, type FormCheck } from '../shared/formFields';
import { addressRoomProblem, withAddress } from '../shared/addressAlone';
import { categoryLabel } from '../shared/labels';

export { LOCATION_AS_GIVEN, withAddress } from '../shared/addressAlone';

/*
 * The resident's report form (POST /issues, channel `online`, the limits of
 * apps/api/src/issues/intake/logIssue.dto.ts) and its check before sending. Where the issue is
 * comes as a point from the browser (with the address, if typed, beside it) or as an address
 * alone: the contract's `location` needs lat and lng, so an address alone goes into the
 * description as its last paragraph, "Location as given: ...", as the Open311 intake does
 * (apps/api/src/open311/serviceRequestIntake.ts). Pure: unit-tested (reportFields.unit.spec.ts).
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
export function issueFields(categories: readonly string[], areas: readonly Area[]): FieldSpec[] {
  return [
    { name: 'title', label: 'Title', kind: 'text', required: true, min: 3, max: 200, hint: 'A few words, e.g. Broken street light on Hill Road' },
    {
      name: DESCRIPTION,
      label: 'Description',
      kind: 'longText',
      required: true,
      max: DESCRIPTION_MAX,
      hint: 'What is wrong, and since when. Please leave out other people’s names and details: this is seen by council staff.',
    },
    { name: 'category', label: 'Category', kind: 'choice', required: true, options: categories.map((category) => ({ value: category, label: categoryLabel(category) })) },
    {
      name: 'areaId',
      label: 'Area',
      kind: 'choice',
      required: true,
      options: areas.map((area) => ({ value: area.id, label: area.name })),
      hint: 'The area board for the place where the issue is.',
    },
  ];
}

export const ADDRESS_FIELD: FieldSpec = {
  name: ADDRESS,
  label: 'Address',
  kind: 'text',
  required: false,
  max: 500,
  hint: 'A street and number, or a place nearby, e.g. outside 12 Castle Street, Trowbridge.',
};

/** Who is reporting it: for the council to reply, never shown publicly. */
export const RESIDENT_FIELDS: readonly FieldSpec[] = [
  { name: 'raisedBy.name', label: 'Name', kind: 'text', required: true, max: 200, autocomplete: 'name' },
  { name: 'raisedBy.email', label: 'Email', kind: 'email', required: false },
  { name: 'raisedBy.phone', label: 'Phone', kind: 'text', required: false, min: 3, max: 40, autocomplete: 'tel' },
];

/** Every field of the form, in its order. */
export const reportFields = (categories: readonly string[], areas: readonly Area[]): FieldSpec[] => [...issueFields(categories, areas), ADDRESS_FIELD, ...RESIDENT_FIELDS];

/** The whole form and the point, if any: the body for POST /issues, or every problem by field. */
export function checkReport(fields: readonly FieldSpec[], values: FieldValues, point: Point | null, now: Date = new Date()): FormCheck {
  const checked = checkForm(fields, values, now);
  const typed = values[ADDRESS];
  const address = typeof typed === 'string' ? typed.trim() : '';
  const description = values[DESCRIPTION];

  // An address alone travels in the description, which must still fit the API's limit.
  const problems: Record<string, string> = checked.ok ? {} : { ...checked.problems };
  if (point === null && address !== '' && typeof description === 'string' && problems[DESCRIPTION] === undefined && problems[ADDRESS] === undefined) {
    const tooLong = addressRoomProblem(description, address, DESCRIPTION_MAX);
    if (tooLong) problems[DESCRIPTION] = tooLong;
  }
  if (!checked.ok || Object.keys(problems).length > 0) return { ok: false, problems: problems as FieldProblems };

  const { location: _typedAddress, ...rest } = checked.body as { location?: unknown; description: string };
  const body = { ...rest, channel: 'online' };
  if (point !== null) return { ok: true, body: { ...body, location: { lat: point.lat, lng: point.lng, ...(address !== '' && { address }) } } };
  if (address !== '') return { ok: true, body: { ...body, description: withAddress(rest.description, address) } };
  return { ok: true, body };
}
