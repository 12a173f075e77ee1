import { upcast, UnknownEventError } from './upcast';

describe('upcast: reading stored events', () => {
  const stored = { type: 'IssueResolved', data: { outcome: 'Fixed' }, occurredAt: '2026-01-01T00:00:00.000Z' };

  it("reads today's version as it is", () => {
    expect(upcast({ ...stored, schemaVersion: 1 })).toEqual({
      type: 'IssueResolved',
      data: { outcome: 'Fixed' },
      occurredAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('refuses an event type it does not know', () => {
    expect(() => upcast({ ...stored, type: 'IssueTeleported', schemaVersion: 1 })).toThrow(UnknownEventError);
  });

  it('refuses a version written by newer code rather than misreading it', () => {
    expect(() => upcast({ ...stored, schemaVersion: 2 })).toThrow('newer than this code knows');
  });

  it('refuses an old version it has no upcaster for', () => {
    expect(() => upcast({ ...stored, schemaVersion: 0 })).toThrow('no upcaster for IssueResolved v0');
  });
});
