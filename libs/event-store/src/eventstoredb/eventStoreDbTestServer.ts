import { randomBytes } from 'node:crypto';

/** EventStoreDB tests run against EVENTSTORE_URL (e.g. kurrentdb://localhost:2113?tls=false), each store under a stream prefix of its own. */
export const TEST_EVENTSTORE_URL = process.env.EVENTSTORE_URL;

/**
 * `describe` when an EventStoreDB server is configured; otherwise one skipped test whose name
 * says why, and a warning in the output. CI has no EventStoreDB server, so there too it is a
 * visible skip, never a silent one.
 */
export function describeWithEventStoreDb(name: string, suite: () => void): void {
  if (TEST_EVENTSTORE_URL) return describe(name, suite);
  console.warn(
    `SKIPPED ${name}: set EVENTSTORE_URL (e.g. kurrentdb://localhost:2113?tls=false, a KurrentDB or EventStoreDB 22.10+ server) to run the EventStoreDB tests`,
  );
  describe(name, () => {
    it.skip('needs EventStoreDB: set EVENTSTORE_URL (e.g. kurrentdb://localhost:2113?tls=false) to run these tests', () => undefined);
  });
}

/** A stream prefix no other test store uses: its streams, and only they, are its store. */
export const scratchStreamPrefix = (name: string) => `${name}-${randomBytes(5).toString('hex')}:`;
