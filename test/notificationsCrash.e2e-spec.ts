import { randomBytes } from 'node:crypto';
import { intake, manager } from './support/issueRequests';
import { type ApiProcess, startApiProcess } from './support/apiProcess';
import { eventually } from './support/eventually';
import { SmtpSink } from './support/smtpSink';
import { envFor, newStoreLocation, removeStoreLocation, STORES, type StoreLocation } from './support/testApp';

jest.setTimeout(120_000);

const RESIDENTS = 8;

describe.each(STORES)('the outbox when its dispatcher is killed with SIGKILL mid-batch, on %s', (kind) => {
  let location: StoreLocation;
  const sink = new SmtpSink();
  let api: ApiProcess | undefined;
  beforeAll(() => sink.start());
  afterAll(() => sink.stop());
  beforeEach(() => (location = newStoreLocation(kind)));
  afterEach(async () => {
    await api?.kill('SIGKILL');
    await removeStoreLocation(location);
  });

  it('loses no email, and what it sends again keeps its Message-ID', async () => {
    // Each message takes the server 300 ms to accept: the kill lands while one is in flight,
    // accepted by the server after the dispatcher died, before it could mark it sent.
    let arrived = 0;
    let thirdArrived!: () => void;
    const third = new Promise<void>((resolve) => (thirdArrived = resolve));
    sink.rule = () => {
      if (++arrived === 3) thirdArrived();
      return { delayMs: 300 };
    };
    const env = envFor(location, { SMTP_URL: sink.url, OUTBOX_POLL_MS: '100', LOG_LEVEL: 'error', MAIL_FROM: 'Council <issues@council.example>' });
    api = await startApiProcess(env);
    const run = randomBytes(4).toString('hex');
    const addresses = Array.from({ length: RESIDENTS }, (_, index) => `r${index}.${run}@example.org`);
    const ids: string[] = [];
    for (const email of addresses) {
      const response = await fetch(`${api.url}/issues`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(intake({ raisedBy: { name: 'Resident', email } })),
      });
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
    // Killed while the third message is with the server, not yet accepted: the server keeps it,
    // the dispatcher never learns it went.
    await third;
    await api.kill('SIGKILL');
    expect(sink.received.length).toBeLessThan(RESIDENTS);

    api = await startApiProcess(env);
    const started = api;
    await eventually(async () => {
      for (const email of addresses) expect(sink.to(email).length).toBeGreaterThanOrEqual(1);
    }, 30_000);
    // Once each, or twice with the same Message-ID: the resident's mail program shows one.
    for (const email of addresses) {
      const received = sink.to(email);
      expect(new Set(received.map((message) => message.messageId)).size).toBe(1);
      expect(received.length).toBeLessThanOrEqual(2);
    }
    const ours = sink.received.filter((message) => addresses.includes(message.to));
    expect(new Set(ours.map((message) => message.messageId)).size).toBe(RESIDENTS);
    // The one in flight at the kill went twice: the restarted dispatcher could not know it had gone.
    expect(ours.length).toBe(RESIDENTS + 1);
    for (const id of ids) {
      const rows = await eventually(async () => {
        const response = await fetch(`${started.url}/issues/${id}/notifications`, { headers: { Authorization: manager } });
        const body = (await response.json()) as { id: string; status: string }[];
        expect(body.map((row) => row.status)).toEqual(['sent']);
        return body;
      }, 10_000);
      const email = sink.received.find((message) => message.messageId === `<${rows[0].id}@council.example>`);
      expect(email).toBeDefined();
    }
  });
});
