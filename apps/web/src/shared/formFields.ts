/*
 * Form fields as data, and the checks a page runs before it sends anything: the same limits the
 * API's DTOs enforce (apps/api/src/**.dto.ts), so a mistake is named beside its field at once
 * rather than after a round trip. The server still checks everything; this only saves a trip.
 * Pure: no DOM, unit-tested (formFields.unit.spec.ts).
 */

export type FieldKind =
  /** One line of text. */
  | 'text'
  /** Several lines of text. */
  | 'longText'
  /** A calendar date, sent as YYYY-MM-DD. */
  | 'date'
  /** A local date and time (the browser's time zone), sent as an ISO 8601 instant. */
  | 'dateTime'
  /** A list, one per line or comma-separated, sent as an array of strings. */
  | 'list'
  /** A yes/no box, sent as a boolean. */
  | 'boolean'
  /** One of fixed options, sent as the option's value. */
  | 'choice'
  /** A question answered Yes or No (two radio buttons), sent as a boolean. */
  | 'yesNo'
  | 'email';

export interface FieldSpec {
  /** The body field it fills (a dotted path for a nested one: `raisedBy.name`). */
  readonly name: string;
  /** Its label: the contract's name in plain words. */
  readonly label: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** Longest text (each item's, for a list). */
  readonly max?: number;
  /** Shortest text, when more than 1. */
  readonly min?: number;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** A line under the label saying what to put. */
  readonly hint?: string;
  /** Never in the future (a date or time something happened). */
  readonly notFuture?: boolean;
  /** A text field asking for the person's own name, phone or address, so a browser can fill it in (WCAG 1.3.5); `tel` also brings up a phone's keypad. */
  readonly autocomplete?: 'name' | 'tel' | 'street-address';
  /** What to say when a required field is left empty, when the generic sentence reads badly. */
  readonly missing?: string;
  /** Required only while another field holds this value (a reason, when the answer is No). */
  readonly requiredWhen?: { readonly field: string; readonly value: string | boolean };
}

/** The field as it stands with these values: `requiredWhen` met makes it required. */
export function fieldAsFilled(field: FieldSpec, values: FieldValues): FieldSpec {
  const when = field.requiredWhen;
  return when !== undefined && !field.required && values[when.field] === when.value ? { ...field, required: true } : field;
}

/** What the checks say, in the page's language (the residents' pages have English and Welsh; the console English). */
export interface CheckWords {
  readonly required: (field: FieldSpec) => string;
  readonly tooLong: (field: FieldSpec, max: number, has: number) => string;
  readonly tooShort: (field: FieldSpec, min: number) => string;
  readonly notEmail: (field: FieldSpec) => string;
  readonly notDate: (field: FieldSpec) => string;
  readonly inFuture: (field: FieldSpec) => string;
  readonly notDateTime: (field: FieldSpec) => string;
  readonly noItems: (field: FieldSpec) => string;
  readonly itemTooLong: (field: FieldSpec, max: number) => string;
  readonly notAnOption: (field: FieldSpec) => string;
}

export const ENGLISH_CHECKS: CheckWords = {
  required: (field) => field.missing ?? `${field.label} is required`,
  tooLong: (field, max, has) => `${field.label} must be at most ${max} characters (it has ${has})`,
  tooShort: (field, min) => `${field.label} must be at least ${min} characters`,
  notEmail: (field) => `${field.label} must be an email address, like name@example.org`,
  notDate: (field) => `${field.label} must be a date (YYYY-MM-DD)`,
  inFuture: (field) => `${field.label} cannot be in the future`,
  notDateTime: (field) => `${field.label} must be a date and time`,
  noItems: (field) => `${field.label}: give at least one, one per line or separated by commas`,
  itemTooLong: (field, max) => `${field.label}: each must be at most ${max} characters`,
  notAnOption: (field) => `${field.label}: choose one of the options`,
};

/** What the user has typed, by field name: text, or the box's state. */
export type FieldValues = Readonly<Record<string, string | boolean>>;
export type FieldProblems = Readonly<Record<string, string>>;

export type FormCheck =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly problems: FieldProblems };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A yesNo field's two values, as its radio buttons hold them. */
export const YES = 'yes';
export const NO = 'no';

/** Each item of a list field: one per line or comma-separated, blanks dropped. */
export function listItems(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A `<input type="datetime-local">` value, read in the browser's time zone, as an ISO instant. */
export function localDateTimeToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

function realDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const instant = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === value;
}

const length = (text: string) => Array.from(text).length;

/** Checks one field; answers its problem in words, or its value for the body (undefined: leave it out). */
export function checkField(field: FieldSpec, raw: string | boolean | undefined, now: Date, say: CheckWords = ENGLISH_CHECKS): { problem: string } | { value: unknown } {
  if (field.kind === 'boolean') return { value: raw === true };
  const text = typeof raw === 'string' ? raw : '';
  const given = text.trim() !== '';
  if (!given) return field.required ? { problem: say.required(field) } : { value: undefined };
  switch (field.kind) {
    case 'text':
    case 'longText':
    case 'email': {
      if (field.max !== undefined && length(text) > field.max) return { problem: say.tooLong(field, field.max, length(text)) };
      if (field.min !== undefined && length(text.trim()) < field.min) return { problem: say.tooShort(field, field.min) };
      if (field.kind === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim())) return { problem: say.notEmail(field) };
      return { value: field.kind === 'email' ? text.trim() : text };
    }
    case 'date': {
      if (!realDate(text.trim())) return { problem: say.notDate(field) };
      if (field.notFuture && text.trim() > localDate(now)) return { problem: say.inFuture(field) };
      return { value: text.trim() };
    }
    case 'dateTime': {
      const iso = localDateTimeToIso(text.trim());
      if (iso === null) return { problem: say.notDateTime(field) };
      if (field.notFuture && new Date(iso).getTime() > now.getTime()) return { problem: say.inFuture(field) };
      return { value: iso };
    }
    case 'list': {
      const items = listItems(text);
      if (items.length === 0) return field.required ? { problem: say.noItems(field) } : { value: undefined };
      const max = field.max;
      if (max !== undefined && items.some((item) => length(item) > max)) return { problem: say.itemTooLong(field, max) };
      return { value: items };
    }
    case 'choice': {
      if (!field.options?.some((option) => option.value === text)) return { problem: say.notAnOption(field) };
      return { value: text };
    }
    case 'yesNo': {
      if (text !== YES && text !== NO) return { problem: say.notAnOption(field) };
      return { value: text === YES };
    }
  }
}

/** The day `now` falls on in the browser's time zone, as YYYY-MM-DD. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Checks every field; answers the body to send (nested by dotted names), or each problem by field. */
export function checkForm(fields: readonly FieldSpec[], values: FieldValues, now: Date = new Date(), say: CheckWords = ENGLISH_CHECKS): FormCheck {
  const problems: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const checked = checkField(fieldAsFilled(field, values), values[field.name], now, say);
    if ('problem' in checked) problems[field.name] = checked.problem;
    else if (checked.value !== undefined) setPath(body, field.name, checked.value);
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

/**
 * The server's field problems (a 400's `message`: "serviceProvider must be ...") put beside
 * their fields; the rest, which name no field of the form, stay for the form's summary.
 */
export function serverProblems(fields: readonly FieldSpec[], messages: readonly string[]): { byField: FieldProblems; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const message of messages) {
    const field = fields.find((candidate) => message.startsWith(`${candidate.name} `) || message.startsWith(`${candidate.name}.`) || message.startsWith(`${candidate.name.split('.').pop()} `));
    if (field && byField[field.name] === undefined) byField[field.name] = message;
    else rest.push(message);
  }
  return { byField, rest };
}
