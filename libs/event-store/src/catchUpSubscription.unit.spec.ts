import { AppendSignal } from './appendSignal';
import { type CatchUpSource, CatchUpSubscription } from './catchUpSubscription';
import type { GlobalEvent, ReadAllPage } from './eventStore.port';

const globalEvent = (position: number): GlobalEvent => ({
  id: `e${position}`,
  type: 'Happened',
  data: {},
  metadata: {},
  streamId: 's',
  version: position,
  globalPosition: position,
  recordedAt: '2026-11-23T12:00:00.000Z',
  prevHash: null,
  hash: 'h',
  checkpoint: String(position),
});

/** A store whose reads fail `failures` times before they succeed. */
function flakySource(failures: number): CatchUpSource & { reads: number } {
  const source = {
    reads: 0,
    signal: new AppendSignal(),
    pollMs: 5,
    async readAll({ after }: { after: string | null }): Promise<ReadAllPage> {
      source.reads++;
      if (source.reads <= failures) throw new Error(`connection refused (${source.reads})`);
      const events = after === null ? [globalEvent(1)] : [];
      return { events, checkpoint: events.at(-1)?.checkpoint ?? after };
    },
  };
  return source;
}

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('CatchUpSubscription when the store cannot be read', () => {
  it('reports every failed read, keeps the error in its health, backs off, and recovers', async () => {
    const source = flakySource(4);
    const reported: Array<[string, number]> = [];
    const seen: GlobalEvent[] = [];
    let healthWhileFailing: unknown;
    const subscription = new CatchUpSubscription(source, { each: (e) => void seen.push(e) }, {
      onReadError: (error, failures) => {
        reported.push([(error as Error).message, failures]);
        if (failures === 3) healthWhileFailing = { ...subscription.health };
      },
    });
    const started = Date.now();
    await until(() => seen.length === 1);
    const elapsed = Date.now() - started;
    await subscription.stop();

    expect(reported).toEqual([1, 2, 3, 4].map((n) => [`connection refused (${n})`, n]));
    expect(healthWhileFailing).toMatchObject({ consecutiveReadFailures: 3, lastError: 'connection refused (3)', stopped: false });
    expect(subscription.health).toMatchObject({ consecutiveReadFailures: 0, lastError: null });
    // Back-off doubles from the poll interval: 5 + 10 + 20 + 40 ms at least before the 5th read.
    expect(elapsed).toBeGreaterThanOrEqual(75);
  });
});
