/**
 * Fields of a form-encoded GeoReport v2 POST. Express's extended parser turns
 * `attribute[area]=x` into `{ attribute: { area: 'x' } }`; a simple parser leaves the key
 * `attribute[area]` as it came: both read the same here.
 */
export type FormBody = Readonly<Record<string, unknown>>;

export type FieldResult = { readonly ok: true; readonly value: string | undefined } | { readonly ok: false; readonly problem: string };

/** One text field, given at most once; blank counts as not given (FixMyStreet sends `last_name=` when it has none). */
export function textField(form: FormBody, name: string): FieldResult {
  const value = form[name];
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value !== 'string') return { ok: false, problem: `${name} must be given once, as text` };
  const trimmed = value.trim();
  return { ok: true, value: trimmed === '' ? undefined : trimmed };
}

/** A field clients may repeat (media_url with several photos): every non-blank value. */
export function textValues(form: FormBody, name: string): string[] | undefined {
  const value = form[name];
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((entry) => entry === undefined || typeof entry === 'string')) return undefined;
  return (values as Array<string | undefined>).map((entry) => entry?.trim() ?? '').filter((entry) => entry !== '');
}

/** The `attribute[...]` fields, by code. Attributes this server does not define are accepted and ignored. */
export function attributesOf(form: FormBody): Readonly<Record<string, unknown>> {
  const attributes: Record<string, unknown> = {};
  const nested = form.attribute;
  if (nested !== null && typeof nested === 'object' && !Array.isArray(nested)) Object.assign(attributes, nested);
  for (const [key, value] of Object.entries(form)) {
    const flat = /^attribute\[([^\]]+)\]$/.exec(key);
    if (flat) attributes[flat[1]] = value;
  }
  return attributes;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A coordinate in decimal degrees within ±limit, or a problem naming the field. */
export function coordinate(text: string, name: string, limit: number): { ok: true; value: number } | { ok: false; problem: string } {
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value) || Math.abs(value) > limit) return { ok: false, problem: `${name} must be decimal degrees from -${limit} to ${limit}` };
  return { ok: true, value };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL and SQLite cannot hold as sent (NUL, unpaired UTF-16 surrogates) anywhere in a value. */
export function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, inner]) => holdsUnstorableText(key) || holdsUnstorableText(inner));
  return false;
}
