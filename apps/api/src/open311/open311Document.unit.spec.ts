import { XMLParser } from 'fast-xml-parser';
import { renderDocument } from './open311Document';
import { Open311Keys } from './open311Keys';

const parse = (text: string) => new XMLParser({ parseTagValue: false, isArray: (name) => ['request', 'attribute', 'value'].includes(name) }).parse(text);

describe('writing GeoReport v2 documents', () => {
  const list = { root: 'service_requests', item: 'request', entries: [{ service_request_id: 'TROW-2026-00001', status_notes: null, lat: 51.3, skipped: undefined }] };

  it('JSON: an array of records, null kept, undefined left out', () => {
    expect(JSON.parse(renderDocument(list, 'json'))).toEqual([{ service_request_id: 'TROW-2026-00001', status_notes: null, lat: 51.3 }]);
  });

  it('XML: a UTF-8 declaration, the root holding an element per entry, null as an empty element', () => {
    const text = renderDocument(list, 'xml');
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(parse(text).service_requests.request).toEqual([{ service_request_id: 'TROW-2026-00001', status_notes: '', lat: '51.3' }]);
  });

  it('XML: markup in text is escaped, characters XML cannot carry become U+FFFD, and the text reads back as sent', () => {
    const hostile = '</description><injected>&amp; "quoted" \u0007bell 🚧';
    const text = renderDocument({ root: 'service_requests', item: 'request', entries: [{ description: hostile }] }, 'xml');
    expect(text).not.toContain('<injected>');
    expect(parse(text).service_requests.request[0].description).toBe('</description><injected>&amp; "quoted" \uFFFDbell 🚧');
  });

  it('XML: nested lists grouped as FixMyStreet reads them (attributes/attribute, values/value)', () => {
    const text = renderDocument({ root: 'service_definition', record: { service_code: 'waste', attributes: [{ code: 'area', values: [{ key: 'calne', name: 'Calne' }] }] } }, 'xml');
    expect(parse(text).service_definition).toEqual({ service_code: 'waste', attributes: { attribute: [{ code: 'area', values: { value: [{ key: 'calne', name: 'Calne' }] } }] } });
  });
});

describe('Open311 API keys', () => {
  const keys = new Open311Keys([
    { key: 'first-key-0123456789', client: 'FixMyStreet' },
    { key: 'second-key-0123456789', client: 'Council app' },
  ]);
  it('name the client of a known key, and nobody for a wrong, empty or missing one', () => {
    expect(keys.clientOf('second-key-0123456789')).toBe('Council app');
    for (const wrong of ['second-key-012345678', '', undefined, ['first-key-0123456789']]) expect(keys.clientOf(wrong)).toBeUndefined();
    expect(new Open311Keys([]).configured).toBe(false);
  });
});
