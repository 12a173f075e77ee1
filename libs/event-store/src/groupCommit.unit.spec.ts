import { randomUUID } from 'node:crypto';
import { type AppendOutcome, type AppendRequest, GroupCommit } from './groupCommit';

const request = (streamId: string): AppendRequest => ({
  streamId,
  events: [{ id: randomUUID(), type: 'Noted', data: {}, metadata: {} }],
  expectedVersion: 'any',
  options: {},
});

/** A commit that records each batch and answers once released, as a database would after its fsync. */
function recordingCommit(fail: (request: AppendRequest) => boolean = () => false) {
  const batches: string[][] = [];
  const releases: Array<() => void> = [];
  const commit = (batch: readonly AppendRequest[]) => {
    batches.push(batch.map((r) => r.streamId));
    return new Promise<AppendOutcome[]>((resolve) =>
      releases.push(() =>
        resolve(batch.map((r) => (fail(r) ? { ok: false, error: new Error(`conflict on ${r.streamId}`) } : { ok: true, result: { nextVersion: 1, events: [] } }))),
      ),
    );
  };
  // Releases batches as they come, until none has come for a few turns.
  const releaseAll = async () => {
    for (let quiet = 0; quiet < 3; quiet++) {
      if (releases.length > 0) quiet = -1;
      while (releases.length > 0) releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, commit, releaseAll };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('commits appends that arrive in the same turn in one batch', async () => {
    const { batches, commit, releaseAll } = recordingCommit();
    const group = new GroupCommit(commit, { maxBatch: 100, maxInFlight: 1 });
    const appended = ['a', 'b', 'c'].map((stream) => group.append(request(stream)));
    await turn();
    await releaseAll();
    await Promise.all(appended);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('acknowledges no append before its batch has committed', async () => {
    const { commit, releaseAll } = recordingCommit();
    const group = new GroupCommit(commit, { maxBatch: 100, maxInFlight: 1 });
    let acknowledged = false;
    const appended = group.append(request('a')).then(() => (acknowledged = true));
    await turn();
    await turn();
    expect(acknowledged).toBe(false);
    await releaseAll();
    await appended;
    expect(acknowledged).toBe(true);
  });

  it('gathers the appends that arrive while a batch commits into the next one', async () => {
    const { batches, commit, releaseAll } = recordingCommit();
    const group = new GroupCommit(commit, { maxBatch: 100, maxInFlight: 1 });
    const first = group.append(request('a'));
    await turn();
    const later = ['b', 'c', 'd'].map((stream) => group.append(request(stream)));
    await turn();
    expect(batches).toEqual([['a']]);
    await releaseAll();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('puts at most one append per stream in a batch, and holds a stream back while its batch commits', async () => {
    const { batches, commit, releaseAll } = recordingCommit();
    const group = new GroupCommit(commit, { maxBatch: 100, maxInFlight: 4 });
    const appended = ['a', 'a', 'b', 'a'].map((stream) => group.append(request(stream)));
    await turn();
    expect(batches).toEqual([['a', 'b']]);
    await releaseAll();
    await Promise.all(appended);
    expect(batches).toEqual([['a', 'b'], ['a'], ['a']]);
  });

  it('fails only the append that failed; the others of its batch succeed', async () => {
    const { commit, releaseAll } = recordingCommit((r) => r.streamId === 'b');
    const group = new GroupCommit(commit, { maxBatch: 100, maxInFlight: 1 });
    const settled = Promise.allSettled(['a', 'b', 'c'].map((stream) => group.append(request(stream))));
    await turn();
    await releaseAll();
    expect((await settled).map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every append of a batch whose transaction failed', async () => {
    const group = new GroupCommit(async () => Promise.reject(new Error('disk full')), { maxBatch: 100, maxInFlight: 1 });
    const settled = await Promise.allSettled(['a', 'b'].map((stream) => group.append(request(stream))));
    expect(settled.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error).message : 'ok'))).toEqual(['disk full', 'disk full']);
  });

  it('splits what is waiting into batches of at most maxBatch, and runs at most maxInFlight at once', async () => {
    const { batches, commit, releaseAll } = recordingCommit();
    const group = new GroupCommit(commit, { maxBatch: 2, maxInFlight: 2 });
    const appended = ['a', 'b', 'c', 'd', 'e'].map((stream) => group.append(request(stream)));
    await turn();
    expect(batches).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    await releaseAll();
    await Promise.all(appended);
    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('is drained only once nothing waits or commits', async () => {
    const { commit, releaseAll } = recordingCommit();
    const group = new GroupCommit(commit, { maxBatch: 100, maxInFlight: 1 });
    let drained = false;
    const appended = group.append(request('a'));
    const draining = group.drained().then(() => (drained = true));
    await turn();
    expect(drained).toBe(false);
    await releaseAll();
    await Promise.all([appended, draining]);
    expect(drained).toBe(true);
  });
});
