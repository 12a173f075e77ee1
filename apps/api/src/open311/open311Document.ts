import { XMLBuilder } from 'fast-xml-parser';

/** The two representations every GeoReport v2 resource has, chosen by the path's extension. */
export type Open311Format = 'json' | 'xml';

export const isOpen311Format = (value: unknown): value is Open311Format => value === 'json' || value === 'xml';

/** A field's value as the documents carry it; undefined fields are left out, null ones are empty. */
export type Open311Value = string | number | boolean | null | undefined | Open311Record | readonly Open311Record[];
export interface Open311Record {
  readonly [field: string]: Open311Value;
}

/**
 * A GeoReport v2 answer before it is written: a list (JSON: an array; XML: `root` holding one
 * `item` element per entry), or one record (JSON: an object; XML: `root` holding its fields).
 */
export type Open311Document =
  | { readonly root: string; readonly item: string; readonly entries: readonly Open311Record[] }
  | { readonly root: string; readonly record: Open311Record };

/** Lists inside a record, and the element each entry gets in XML (as FixMyStreet's parser groups them). */
const GROUP_TAGS: Readonly<Record<string, string>> = { attributes: 'attribute', values: 'value' };

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: false });

export const CONTENT_TYPES: Readonly<Record<Open311Format, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The document as the body of a response in the format asked for. */
export function renderDocument(document: Open311Document, format: Open311Format): string {
  if (format === 'json') return JSON.stringify('entries' in document ? document.entries.map(jsonRecord) : jsonRecord(document.record));
  const content = 'entries' in document ? { [document.item]: document.entries.map(xmlRecord) } : xmlRecord(document.record);
  // Built by the library, which escapes markup; the declaration says UTF-8, as the contract asks.
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [document.root]: content });
}

function jsonRecord(record: Open311Record): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined) continue;
    out[field] = Array.isArray(value) ? value.map(jsonRecord) : isRecord(value) ? jsonRecord(value) : value;
  }
  return out;
}

function xmlRecord(record: Open311Record): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) out[field] = value.length === 0 ? '' : { [GROUP_TAGS[field] ?? field]: value.map(xmlRecord) };
    else if (isRecord(value)) out[field] = xmlRecord(value);
    else out[field] = xmlText(value as string | number | boolean | null);
  }
  return out;
}

const isRecord = (value: Open311Value): value is Open311Record => typeof value === 'object' && value !== null && !Array.isArray(value);

/** XML 1.0 cannot carry every character a string may hold (control characters, lone surrogates): those become U+FFFD. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const xmlText = (value: string | number | boolean | null): string => (value === null ? '' : String(value).replace(NOT_XML_CHAR, '\uFFFD'));
