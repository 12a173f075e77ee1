import type { GlobalEvent } from '@app/event-store';
import { runsOf, withoutPassword } from './eventStoreDbTarget';

const event = (streamId: string, version: number): GlobalEvent => ({
  id: `${streamId}-${version}`,
  streamId,
  version,
  type: 'E',
  data: {},
  metadata: {},
  recordedAt: '2026-01-01T00:00:00.000Z',
  prevHash: null,
  hash: 'h',
  globalPosition: 0,
  checkpoint: '0',
});

describe('the EventStoreDB migration target', () => {
  it("appends a page in the source's order, one append per run of one stream's consecutive events", () => {
    const page = [event('a', 1), event('a', 2), event('b', 1), event('a', 3), event('a', 4), event('c', 7), event('c', 9)];
    expect(runsOf(page).map((run) => run.map((e) => e.id))).toEqual([['a-1', 'a-2'], ['b-1'], ['a-3', 'a-4'], ['c-7'], ['c-9']]);
    expect(runsOf([])).toEqual([]);
  });

  it('names the server in its messages without the password', () => {
    expect(withoutPassword('kurrentdb://admin:changeit@db1:2113,db2:2113?tls=true')).toBe('kurrentdb://admin:***@db1:2113,db2:2113?tls=true');
    expect(withoutPassword('kurrentdb://localhost:2113?tls=false')).toBe('kurrentdb://localhost:2113?tls=false');
  });
});
