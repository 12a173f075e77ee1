import type { StoredEvent } from '@app/event-store';
import type { IssueEvent } from '@app/lifecycle';
import { toNewEvent } from '@app/streams';
import { IssueStatusCache } from './issueStatusCache';

const AT = '2026-03-02T10:00:00.000Z';
const provenance = { actor: { id: 'manager-1', role: 'areaManager' as const }, correlationId: 'c', causationId: 'c' };
const logged = (areaId: string): IssueEvent => ({
  type: 'IssueLogged',
  occurredAt: AT,
  data: {
    reference: 'TROW-2026-00001',
    title: 'Pothole',
    description: 'Deep',
    category: 'highways',
    areaId,
    channel: 'phone',
    location: null,
    subjectId: null,
    personal: { raisedBy: { name: 'Ada' }, address: null },
    workflowVersion: 2,
    policyVersion: null,
  },
});
const referred: IssueEvent = { type: 'IssueReferred', occurredAt: AT, data: { serviceProvider: 'Highways', note: null } };
const resolved: IssueEvent = { type: 'IssueResolved', occurredAt: AT, data: { outcome: 'Fixed' } };
const fedBack: IssueEvent = { type: 'OutcomeFedBack', occurredAt: AT, data: { message: 'Fixed', channel: 'email' } };

/** Streams held in memory, counting how often the cache reads one. */
class CountingStreams {
  readonly streams = new Map<string, StoredEvent[]>();
  reads = 0;

  append(streamId: string, ...events: IssueEvent[]): StoredEvent[] {
    const stream = this.streams.get(streamId) ?? [];
    for (const event of events) {
      const version = stream.length + 1;
      stream.push({ ...toNewEvent(event, provenance), streamId, version, globalPosition: 0, recordedAt: AT, prevHash: null, hash: '' });
    }
    this.streams.set(streamId, stream);
    return stream.slice(-events.length);
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    this.reads++;
    return (this.streams.get(streamId) ?? []).filter((event) => event.version >= (options.fromVersion ?? 1));
  }
}

describe('IssueStatusCache', () => {
  it("gives the status after each event, following a stream's events one by one without reading it again", async () => {
    const store = new CountingStreams();
    const cache = new IssueStatusCache(store, 10);
    const statuses: string[] = [];
    for (const event of [logged('trowbridge'), referred, resolved, fedBack]) {
      const [stored] = store.append('issue-1', event);
      statuses.push((await cache.after(stored)).status);
    }
    expect(statuses).toEqual(['logged', 'referred', 'resolved', 'fedBack']);
    // The first event of an unknown issue reads its stream once; every later one is folded in memory.
    expect(store.reads).toBe(1);
  });

  it('gives the status at an earlier event to a client further behind, without winding the others back', async () => {
    const store = new CountingStreams();
    const cache = new IssueStatusCache(store, 10);
    const events = store.append('issue-1', logged('calne'), referred, resolved);
    expect((await cache.after(events[2])).status).toBe('resolved');
    const behind = await cache.after(events[0]);
    expect(behind.status).toBe('logged');
    expect(behind.status !== 'none' && behind.areaId).toBe('calne');
    const readsBefore = store.reads;
    expect((await cache.after(events[2])).status).toBe('resolved');
    expect(store.reads).toBe(readsBefore);
  });

  it('holds at most its capacity of issues, forgetting the least recently used', async () => {
    const store = new CountingStreams();
    const cache = new IssueStatusCache(store, 2);
    const first = store.append('issue-1', logged('a'))[0];
    const second = store.append('issue-2', logged('b'))[0];
    const third = store.append('issue-3', logged('c'))[0];
    await cache.after(first);
    await cache.after(second);
    await cache.after(first); // issue-1 is now the most recently used
    await cache.after(third);
    expect(cache.size).toBe(2);

    const [next1] = store.append('issue-1', referred);
    const [next2] = store.append('issue-2', referred);
    const reads = store.reads;
    await cache.after(next1);
    expect(store.reads).toBe(reads); // still cached
    await cache.after(next2);
    expect(store.reads).toBe(reads + 1); // was evicted: read again
  });
});
