import { headAfter, planAppend } from './appendPlan';
import { isSealed } from './headSeal';

const event = (type: string) => ({ id: type, type, data: {}, metadata: {} });
const KEY = Buffer.alloc(32, 7);

describe('planAppend', () => {
  it("records the clock's time when it is after the stream's last event", () => {
    const planned = planAppend('s', { version: 1, lastHash: 'h', lastRecordedAt: '2026-03-01T10:00:00.000Z' }, [event('A')], 1, new Date('2026-03-01T10:00:05.000Z'));
    expect(planned.map((e) => e.recordedAt)).toEqual(['2026-03-01T10:00:05.000Z']);
  });

  it("keeps recordedAt strictly increasing within a stream when this process's clock is behind the last writer's", () => {
    const planned = planAppend('s', { version: 1, lastHash: 'h', lastRecordedAt: '2026-03-01T10:00:00.000Z' }, [event('A'), event('B')], 1, new Date('2026-03-01T09:59:00.000Z'));
    expect(planned.map((e) => e.recordedAt)).toEqual(['2026-03-01T10:00:00.001Z', '2026-03-01T10:00:00.002Z']);
  });

  it('seals the head it leaves with the key, and leaves it unsealed without one', () => {
    const planned = planAppend('s', { version: 0, lastHash: null }, [event('A')], 0, new Date('2026-03-01T10:00:00.000Z'));
    const head = headAfter('s', planned, KEY)!;
    expect(head).toMatchObject({ version: 1, lastHash: planned[0].hash, lastRecordedAt: planned[0].recordedAt });
    expect(isSealed(KEY, { streamId: 's', version: 1, lastHash: planned[0].hash }, head.seal)).toBe(true);
    expect(isSealed(KEY, { streamId: 's', version: 0, lastHash: null }, head.seal)).toBe(false);
    expect(headAfter('s', planned, undefined)!.seal).toBeNull();
    expect(headAfter('s', [], KEY)).toBeUndefined();
  });
});
