import { join } from 'node:path';
import { type EventStoreAdapter, PostgresEventStore, SqliteEventStore, hashEvent } from '@app/event-store';
import { TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import { admin, advance, COMMAND_BODIES, intake, type IssueBody, manager, officer, raise } from './support/issueRequests';
import { startApiProcess } from './support/apiProcess';
import { envFor, newStoreLocation, removeStoreLocation, startTestApp, STORES, type StoreLocation } from './support/testApp';

jest.setTimeout(120_000);

function openStore(location: StoreLocation): Promise<EventStoreAdapter> {
  return location.kind === 'sqlite'
    ? Promise.resolve(new SqliteEventStore({ file: join(location.dataDir, 'events.db') }))
    : PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema: location.schema });
}

describe.each(STORES)('durability, on %s', (kind) => {
  let location: StoreLocation;
  beforeEach(() => (location = newStoreLocation(kind)));
  afterEach(() => removeStoreLocation(location));

  it('finds every issue at the same version after a restart on the same data', async () => {
    const first = await startTestApp(location);
    const issues: IssueBody[] = [];
    for (const path of [[], ['refer'], ['board-review', 'roundtable'], ['refer', 'resolve', 'feed-back'], ['withdraw']]) {
      issues.push(await advance(first.http, await raise(first.http), path));
    }
    await first.close();

    const second = await startTestApp(location);
    for (const issue of issues) {
      const { body } = await second.http.get(`/issues/${issue.id}`).set('Authorization', admin).expect(200);
      expect(body).toEqual(issue);
    }
    const next = await raise(second.http);
    expect(next.reference).not.toBe(issues[4].reference);
    expect(Number(next.reference.slice(-5))).toBe(issues.length + 1);
    await second.close();
  });

  it('keeps every acknowledged command, once, when the process is killed with SIGKILL mid-burst, 32 in flight', async () => {
    const env = envFor(location, { LOG_LEVEL: 'error' });
    let api = await startApiProcess(env);
    const post = (path: string, body: unknown, auth?: string) =>
      fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(auth && { Authorization: auth }) },
        body: JSON.stringify(body),
      });

    // 24 note chains and 8 intake chains: 32 commands in flight, so the store commits them
    // together (group commit), and an answer given before its commit would be lost to the kill.
    const IN_FLIGHT = 32;
    const INTAKE_CHAINS = 8;
    let inFlight = 0;
    /** Sends a command and reads its answer, counting it in flight until the answer is read. */
    const command = async (path: string, body: unknown, auth: string, status: number) => {
      inFlight++;
      try {
        const response = await post(path, body, auth);
        if (response.status !== status) throw new Error(`unexpected ${response.status}: ${await response.text()}`);
        return (await response.json()) as IssueBody;
      } finally {
        inFlight--;
      }
    };
    const chains: Array<{ id: string; acknowledged: string[] }> = [];
    for (let i = 0; i < IN_FLIGHT - INTAKE_CHAINS; i++) {
      const response = await post('/issues', intake());
      chains.push({ id: ((await response.json()) as IssueBody).id, acknowledged: [] });
    }
    const intakes: string[] = [];
    let killed = false;

    // Each chain adds notes one after another at the version the last answer gave.
    const noteChain = async (chain: (typeof chains)[number], c: number) => {
      let version = 1;
      for (let n = 0; !killed; n++) {
        const text = `chain ${c} note ${n}`;
        try {
          version = (await command(`/issues/${chain.id}/notes`, { expectedVersion: version, text, public: false }, officer, 200)).version;
          chain.acknowledged.push(text);
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    };
    const intakeChain = async () => {
      while (!killed) {
        try {
          intakes.push((await command('/issues', intake({ channel: 'letter' }), manager, 201)).id);
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    };

    let failure: unknown;
    const intakeChains = Array.from({ length: INTAKE_CHAINS }, intakeChain);
    const burst = Promise.all([...chains.map(noteChain), ...intakeChains]).catch((error) => (failure = error));
    const acknowledged = () => chains.reduce((sum, chain) => sum + chain.acknowledged.length, 0) + intakes.length;
    while (!failure && acknowledged() < 400) await new Promise((r) => setTimeout(r, 5));
    const inFlightAtKill = inFlight;
    killed = true;
    await api.kill('SIGKILL');
    await burst;
    if (failure) throw failure;
    expect(inFlightAtKill).toBe(IN_FLIGHT);

    const store = await openStore(location);
    try {
      for (const chain of chains) {
        const events = await store.readStream(`issue-${chain.id}`);
        expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
        events.forEach((e, i) => {
          expect(e.hash).toBe(hashEvent(e));
          expect(e.prevHash).toBe(i === 0 ? null : events[i - 1].hash);
        });
        const texts = events.filter((e) => e.type === 'NoteAdded').map((e) => (e.data as { text: string }).text);
        expect(new Set(texts).size).toBe(texts.length);
        expect(texts.slice(0, chain.acknowledged.length)).toEqual(chain.acknowledged);
      }
      for (const id of intakes) {
        expect((await store.readStream(`issue-${id}`)).map((e) => e.type)).toEqual(['IssueLogged']);
      }
    } finally {
      await store.close();
    }

    api = await startApiProcess(env);
    try {
      for (const chain of chains) {
        const response = await fetch(`${api.url}/issues/${chain.id}`, { headers: { Authorization: admin } });
        const issue = (await response.json()) as IssueBody;
        expect(issue.version).toBeGreaterThanOrEqual(chain.acknowledged.length + 1);
      }
      const after = await post('/issues/' + chains[0].id + '/refer', { expectedVersion: 0, ...COMMAND_BODIES.refer }, manager);
      expect(after.status).toBe(409); // the restarted API reads the stream as it was left
    } finally {
      await api.kill('SIGTERM');
    }
  });
});
