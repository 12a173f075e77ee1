import { addressRoomProblem, withAddress } from '../../shared/addressAlone';
import type { Area, Channel } from '../../shared/contract';
import { checkForm, type FieldProblems, type FieldSpec, type FieldValues, type FormCheck } from '../../shared/formFields';
import { CHANNEL_LABELS, categoryLabel } from '../../shared/labels';

/*
 * Staff intake's fields (POST /issues, with the limits of apps/api/src/issues/intake/logIssue.dto.ts)
 * and its check before sending: checkForm for the fields, plus what it cannot say alone, the
 * point of the location (latitude and longitude numbers in range, both or neither). The
 * contract's `location` is `{lat, lng, address?}`, so an address with no point goes into the
 * description as "Location as given: ...", as /report and the Open311 intake do. Pure.
 */

/** The channels staff take issues by: everything but `online`, which is the resident's own form. */
export const STAFF_CHANNELS: readonly Channel[] = ['phone', 'letter', 'email', 'meeting'];

export const LAT = 'location.lat';
export const LNG = 'location.lng';
export const ADDRESS = 'location.address';
const DESCRIPTION_MAX = 5000;

/** The issue itself: what, which category and area, how and when it reached the council. */
export function issueFields(categories: readonly string[], areas: readonly Area[]): FieldSpec[] {
  return [
    { name: 'title', label: 'Title', kind: 'text', required: true, min: 3, max: 200, hint: 'A few words saying what the issue is.' },
    { name: 'description', label: 'Description', kind: 'longText', required: true, max: DESCRIPTION_MAX, hint: 'What the resident told you, in their words where you can.' },
    { name: 'category', label: 'Category', kind: 'choice', required: true, options: categories.map((category) => ({ value: category, label: categoryLabel(category) })) },
    { name: 'areaId', label: 'Area', kind: 'choice', required: true, options: areas.map((area) => ({ value: area.id, label: area.name })) },
    { name: 'channel', label: 'Channel', kind: 'choice', required: true, options: STAFF_CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] })), hint: 'How it reached the council.' },
    {
      name: 'occurredAt',
      label: 'Received at',
      kind: 'dateTime',
      required: true,
      notFuture: true,
      hint: 'When the council received it (the call, the letter, the email or the meeting), not when you type it up. Within the last 30 days.',
    },
  ];
}

/** Who raised it. */
export const RESIDENT_FIELDS: readonly FieldSpec[] = [
  { name: 'raisedBy.name', label: 'Name', kind: 'text', required: true, max: 200 },
  { name: 'raisedBy.email', label: 'Email', kind: 'email', required: false },
  { name: 'raisedBy.phone', label: 'Phone', kind: 'text', required: false, min: 3, max: 40 },
];

/** Where it is: an address and its point, or nothing. */
export const LOCATION_FIELDS: readonly FieldSpec[] = [
  { name: ADDRESS, label: 'Address', kind: 'text', required: false, max: 500, hint: 'Where the issue is. Without a latitude and longitude it is added to the description.' },
  { name: LAT, label: 'Latitude', kind: 'text', required: false, hint: 'A number from -90 to 90, like 51.3192.' },
  { name: LNG, label: 'Longitude', kind: 'text', required: false, hint: 'A number from -180 to 180, like -2.2083.' },
];

/** Every field of the form, in its order. */
export const intakeFields = (categories: readonly string[], areas: readonly Area[]): FieldSpec[] => [...issueFields(categories, areas), ...RESIDENT_FIELDS, ...LOCATION_FIELDS];

const text = (values: FieldValues, name: string): string => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** A decimal number, as people type one (no exponent, no hex, no thousands separators). */
const NUMBER = /^[-+−]?(\d+(\.\d*)?|\.\d+)$/;

/** One coordinate: its problem, or its value. */
function coordinate(raw: string, label: string, limit: number): { problem: string } | { value: number } {
  if (!NUMBER.test(raw)) return { problem: `${label} must be a number, like ${limit === 90 ? '51.3192' : '-2.2083'}` };
  const value = Number(raw.replace('−', '-'));
  if (Math.abs(value) > limit) return { problem: `${label} must be between -${limit} and ${limit}` };
  return { value };
}

/** The location's point: problems by field, or the numbers (null when neither was given). */
export function checkPoint(values: FieldValues): { problems: FieldProblems } | { point: { lat: number; lng: number } | null } {
  const lat = text(values, LAT);
  const lng = text(values, LNG);
  if (lat === '' && lng === '') return { point: null };
  const latitude = lat === '' ? { problem: 'Latitude is needed with a longitude: give both, or neither' } : coordinate(lat, 'Latitude', 90);
  const longitude = lng === '' ? { problem: 'Longitude is needed with a latitude: give both, or neither' } : coordinate(lng, 'Longitude', 180);
  if ('value' in latitude && 'value' in longitude) return { point: { lat: latitude.value, lng: longitude.value } };
  const problems: Record<string, string> = {};
  if ('problem' in latitude) problems[LAT] = latitude.problem;
  if ('problem' in longitude) problems[LNG] = longitude.problem;
  return { problems };
}

/** The whole form: the body for POST /issues, or every problem by field. */
export function checkIntake(fields: readonly FieldSpec[], values: FieldValues, now: Date = new Date()): FormCheck {
  const checked = checkForm(
    fields.filter((field) => field.name !== LAT && field.name !== LNG),
    values,
    now,
  );
  const point = checkPoint(values);
  if (!checked.ok || 'problems' in point) return { ok: false, problems: { ...(checked.ok ? {} : checked.problems), ...('problems' in point ? point.problems : {}) } };
  const { location, ...rest } = checked.body as { location?: { address?: string }; description: string };
  if (point.point) return { ok: true, body: { ...rest, location: { ...point.point, ...location } } };
  if (!location?.address) return { ok: true, body: rest };
  const tooLong = addressRoomProblem(rest.description, location.address, DESCRIPTION_MAX);
  if (tooLong) return { ok: false, problems: { description: tooLong } };
  return { ok: true, body: { ...rest, description: withAddress(rest.description, location.address) } };
}
