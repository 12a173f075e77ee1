import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_JWT_SECRET, loadSettings } from './settings';

const areasFile = (content: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'areas-')), 'areas.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

describe('settings', () => {
  it('defaults to the embedded store in ./data on port 3000, with the dev secret flagged', () => {
    const settings = loadSettings({});
    expect(settings).toMatchObject({ port: 3000, eventStore: 'sqlite', intakeRateLimit: 30, jwtSecret: DEV_JWT_SECRET, jwtSecretIsDevDefault: true });
    expect(settings.dataDir).toBe(join(process.cwd(), 'data'));
    expect(settings.areas.find((area) => area.id === 'trowbridge')).toEqual({ id: 'trowbridge', code: 'TROW', name: 'Trowbridge Area Board' });
  });

  it('reports every problem at once', () => {
    expect(() => loadSettings({ PORT: 'eighty', EVENT_STORE: 'postgres', INTAKE_RATE_LIMIT: '0', LOG_LEVEL: 'loud' })).toThrow(
      /PORT must be an integer[\s\S]*INTAKE_RATE_LIMIT[\s\S]*DATABASE_URL is required[\s\S]*LOG_LEVEL/,
    );
    expect(() => loadSettings({ EVENT_STORE: 'mongodb' })).toThrow('EVENT_STORE must be one of sqlite, postgres, eventstoredb');
  });

  it('limits bodies to BODY_LIMIT, 100kb unless set, apart from the import route', () => {
    expect(loadSettings({})).toMatchObject({ bodyLimitBytes: 100 * 1024, importBodyLimitBytes: 50 * 1024 ** 2 });
    expect(loadSettings({ BODY_LIMIT: '1mb' }).bodyLimitBytes).toBe(1024 ** 2);
    expect(() => loadSettings({ BODY_LIMIT: 'lots' })).toThrow('BODY_LIMIT must be a size such as 100kb');
  });

  it('reads areas from AREAS_FILE', () => {
    const file = areasFile([{ id: 'north', code: 'NRTH', name: 'North Forum' }]);
    expect(loadSettings({ AREAS_FILE: file }).areas).toEqual([{ id: 'north', code: 'NRTH', name: 'North Forum' }]);
  });

  it('refuses an AREAS_FILE with bad, repeated or missing entries, or that is not JSON', () => {
    expect(() => loadSettings({ AREAS_FILE: areasFile('{ not json') })).toThrow('cannot be read as JSON');
    expect(() => loadSettings({ AREAS_FILE: areasFile([]) })).toThrow('non-empty JSON array');
    expect(() =>
      loadSettings({
        AREAS_FILE: areasFile([
          { id: 'north', code: 'nrth', name: 'North' },
          { id: 'north', code: 'SOUT', name: '' },
        ]),
      }),
    ).toThrow(/\[0\]\.code must be 2 to 8 capital letters.*\[1\]\.name must be a non-empty string.*id repeated: north/);
  });
});
