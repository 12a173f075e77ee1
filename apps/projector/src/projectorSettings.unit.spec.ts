import { loadProjectorSettings } from './projectorSettings';

const postgres = { EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db.example/issues', DATABASE_SCHEMA: 'council' };

describe('projector settings', () => {
  it('reads the API settings, with a 5 s lease and pages of 1,000 events by default', () => {
    expect(loadProjectorSettings(postgres)).toMatchObject({
      eventStore: 'postgres',
      databaseUrl: 'postgres://db.example/issues',
      databaseSchema: 'council',
      projectionLeaseMs: 5_000,
      projectionPageSize: 1_000,
    });
  });

  it('takes the lease length and page size from PROJECTION_LEASE_MS and PROJECTION_PAGE_SIZE', () => {
    expect(loadProjectorSettings({ ...postgres, PROJECTION_LEASE_MS: '1500', PROJECTION_PAGE_SIZE: '50' })).toMatchObject({ projectionLeaseMs: 1_500, projectionPageSize: 50 });
  });

  it('refuses to start on the embedded store, saying what to set', () => {
    expect(() => loadProjectorSettings({})).toThrow(/set EVENT_STORE=postgres \(got sqlite, the default\); on SQLite the API runs the projections itself/);
    expect(() => loadProjectorSettings({ EVENT_STORE: 'sqlite' })).toThrow(/EVENT_STORE=postgres/);
  });

  it("reports its own problems with the API's, all at once", () => {
    const attempt = () => loadProjectorSettings({ EVENT_STORE: 'postgres', PROJECTION_LEASE_MS: '200', PROJECTION_PAGE_SIZE: 'lots', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(/PROJECTION_LEASE_MS must be an integer from 1000[\s\S]*PROJECTION_PAGE_SIZE must be an integer[\s\S]*DATABASE_URL is required[\s\S]*LOG_LEVEL/);
  });
});
