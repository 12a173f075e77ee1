import { InvalidCheckpointError } from '../errors';
import { checkpointOf, globalPositionOf, isAfter, positionOf } from './eventStoreDbCheckpoint';

describe('$all positions as checkpoints', () => {
  it('writes a position as "commit/prepare" and reads it back exactly, even beyond 2^53', () => {
    expect(checkpointOf({ commit: 1234n, prepare: 1200n })).toBe('1234/1200');
    for (const position of [
      { commit: 0n, prepare: 0n },
      { commit: 1234n, prepare: 1300n },
      { commit: 2n ** 63n + 5n, prepare: 2n ** 63n + 1n },
      { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n },
    ]) {
      expect(positionOf(checkpointOf(position))).toEqual(position);
    }
  });

  it("refuses a checkpoint this store cannot have written: another store's, or none at all", () => {
    for (const checkpoint of ['not-a-checkpoint', '42', '17:42', '1/2/3', '-1/0', '1/-1', '', '/', '1/', ' 1/2', '1.5/2', `${2n ** 64n}/0`]) {
      expect(() => positionOf(checkpoint)).toThrow(InvalidCheckpointError);
    }
  });

  it('orders positions as $all does: by commit, then by prepare', () => {
    expect(isAfter({ commit: 20n, prepare: 10n }, { commit: 10n, prepare: 15n })).toBe(true);
    expect(isAfter({ commit: 10n, prepare: 12n }, { commit: 10n, prepare: 11n })).toBe(true);
    expect(isAfter({ commit: 10n, prepare: 11n }, { commit: 10n, prepare: 11n })).toBe(false);
    expect(isAfter({ commit: 9n, prepare: 99n }, { commit: 10n, prepare: 0n })).toBe(false);
  });

  it("gives each event of one append its own global position (its prepare position), increasing with $all's order", () => {
    const append = [
      { commit: 500n, prepare: 500n },
      { commit: 500n, prepare: 612n },
    ];
    const next = { commit: 700n, prepare: 700n };
    const positions = [...append, next].map(globalPositionOf);
    expect(positions).toEqual([500, 612, 700]);
    expect(() => globalPositionOf({ commit: 2n ** 60n, prepare: 2n ** 60n })).toThrow(RangeError);
  });
});
