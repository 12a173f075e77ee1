import { ANY, NO_STREAM } from '@kurrent/kurrentdb-client';
import { revisionOfVersion, streamStateFor, versionOfRevision, versionOfStreamState } from './eventStoreDbRevisions';

describe('expected versions and EventStoreDB stream states', () => {
  it('asks for no stream at version 0, revision n - 1 at version n, and any state at any version', () => {
    expect(streamStateFor(0)).toBe(NO_STREAM);
    expect(streamStateFor(1)).toBe(0n);
    expect(streamStateFor(7)).toBe(6n);
    expect(streamStateFor('any')).toBe(ANY);
  });

  it('reads the stream state a conflict reports back as our version: no stream is 0, revision r is r + 1', () => {
    expect(versionOfStreamState(NO_STREAM)).toBe(0);
    expect(versionOfStreamState(0n)).toBe(1);
    expect(versionOfStreamState(41n)).toBe(42);
  });

  it('maps every version there and back unchanged', () => {
    for (const version of [0, 1, 2, 10, 999_999, Number.MAX_SAFE_INTEGER - 1]) {
      const state = streamStateFor(version);
      if (state === ANY) throw new Error('a number never maps to any');
      expect(versionOfStreamState(state)).toBe(version);
    }
  });

  it('reads a stream from version n at revision n - 1', () => {
    expect(revisionOfVersion(1)).toBe(0n);
    expect(revisionOfVersion(3)).toBe(2n);
    expect(versionOfRevision(2n)).toBe(3);
  });

  it('refuses versions and revisions no stream can have, instead of sending the server nonsense', () => {
    expect(() => streamStateFor(-1)).toThrow(RangeError);
    expect(() => streamStateFor(1.5)).toThrow(RangeError);
    expect(() => revisionOfVersion(0)).toThrow(RangeError);
    expect(() => versionOfRevision(-1n)).toThrow(RangeError);
    expect(() => versionOfRevision(2n ** 60n)).toThrow(RangeError);
  });
});
