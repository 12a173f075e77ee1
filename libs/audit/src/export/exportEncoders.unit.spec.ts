import type { StoredEvent } from '@app/event-store';
import { CSV_COLUMNS, csvField, csvHeaderLine, encodeCsvRow } from './csv';
import { toExportRecord } from './exportRecord';
import { encodeJsonLine } from './jsonLines';

const stored = (overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  id: 'e1',
  streamId: 'issue-7f0c',
  version: 3,
  globalPosition: 42,
  type: 'NoteAdded',
  data: { text: 'Called, "no answer",\nleft a message\r\nagain', public: false },
  metadata: { actor: { id: 'officer-1', role: 'officer' }, occurredAt: '2026-03-01T09:30:00.000Z', correlationId: 'c1', causationId: 'k1', schemaVersion: 1 },
  recordedAt: '2026-03-01T09:30:00.004Z',
  prevHash: 'aa',
  hash: 'bb',
  ...overrides,
});

/** A small RFC 4180 reader, independent of the writer, to prove what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('export records', () => {
  it('carry the history fields, the issue id of an issue stream, and null with the stream id for an area stream', () => {
    expect(toExportRecord(stored())).toEqual({
      issueId: '7f0c',
      streamId: 'issue-7f0c',
      version: 3,
      globalPosition: 42,
      type: 'NoteAdded',
      occurredAt: '2026-03-01T09:30:00.000Z',
      recordedAt: '2026-03-01T09:30:00.004Z',
      actor: { id: 'officer-1', role: 'officer' },
      data: stored().data,
      correlationId: 'c1',
      causationId: 'k1',
      hash: 'bb',
      prevHash: 'aa',
    });
    expect(toExportRecord(stored({ streamId: 'area-calne' }))).toMatchObject({ issueId: null, streamId: 'area-calne' });
  });

  it('show an event whose metadata is damaged rather than fail on it', () => {
    expect(toExportRecord(stored({ metadata: { actor: 'someone' } }))).toMatchObject({ actor: null, occurredAt: null, correlationId: null });
  });
});

describe('the JSON Lines encoder', () => {
  it('writes one line per event, line breaks inside the data included, that reads back as the record', () => {
    const line = encodeJsonLine(toExportRecord(stored()));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\r\n]/);
    expect(JSON.parse(line)).toEqual(toExportRecord(stored()));
  });
});

describe('the CSV encoder', () => {
  it('quotes fields holding commas, double quotes or line breaks, doubling inner quotes, and leaves plain ones bare', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(7)).toBe('7');
  });

  it('has a header naming the contract columns, and rows an RFC 4180 reader reads back field for field', () => {
    const header = csvHeaderLine();
    expect(header.endsWith('\r\n')).toBe(true);
    const names = header.trimEnd().split(',');
    expect(names).toEqual(expect.arrayContaining(['issueId', 'version', 'type', 'occurredAt', 'recordedAt', 'hash']));
    expect(names).toHaveLength(CSV_COLUMNS.length);

    const record = toExportRecord(stored());
    const [parsedHeader, row] = parseCsv(header + encodeCsvRow(record));
    const read = Object.fromEntries(parsedHeader.map((name, i) => [name, row[i]]));
    expect(read).toMatchObject({
      issueId: '7f0c',
      version: '3',
      type: 'NoteAdded',
      occurredAt: '2026-03-01T09:30:00.000Z',
      recordedAt: '2026-03-01T09:30:00.004Z',
      actorId: 'officer-1',
      actorRole: 'officer',
      hash: 'bb',
      prevHash: 'aa',
    });
    expect(JSON.parse(read.data)).toEqual(record.data);
  });

  it('leaves the first event’s prevHash and an area event’s issueId empty', () => {
    const [, row] = parseCsv(csvHeaderLine() + encodeCsvRow(toExportRecord(stored({ streamId: 'area-calne', prevHash: null }))));
    const names = csvHeaderLine().trimEnd().split(',');
    expect(row[names.indexOf('issueId')]).toBe('');
    expect(row[names.indexOf('streamId')]).toBe('area-calne');
    expect(row[names.indexOf('prevHash')]).toBe('');
  });
});
