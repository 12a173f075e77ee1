import { randomUUID } from 'node:crypto';
import { get as httpGet, type IncomingMessage } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import type { EventStore } from '@app/event-store';
import type { Role } from '@app/lifecycle';
import { streamIdOf, toNewEvent } from '@app/streams';
import { createApp } from '../apps/api/src/app.factory';
import { loadSettings } from '../apps/api/src/config/settings';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { eventually } from './support/eventually';
import { admin, advance, AREA, manager, raise } from './support/issueRequests';
import { bearer, envFor, newStoreLocation, removeStoreLocation, STORES, type StoreLocation } from './support/testApp';

const HEARTBEAT_MS = 200;
const MAX_BUFFERED_BYTES = 32 * 1024;

/** One Server-Sent Events frame: an event (id and data) or a comment line. */
interface Frame {
  readonly id?: string;
  readonly data?: Record<string, unknown>;
  readonly comment?: string;
}

/** A client of GET /events/stream on Node's fetch, reading the body as it streams. */
class FeedClient {
  private buffer = '';
  private readonly frames: Frame[] = [];
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly response: Response,
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly abort: AbortController,
  ) {}

  static async open(base: string, options: { auth?: string; query?: string; lastEventId?: string } = {}): Promise<FeedClient> {
    const abort = new AbortController();
    const headers: Record<string, string> = {};
    if (options.auth) headers.Authorization = options.auth;
    if (options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId;
    const response = await fetch(`${base}/events/stream${options.query ?? ''}`, { headers, signal: abort.signal });
    if (response.status !== 200) throw new Error(`the feed answered ${response.status}: ${await response.text()}`);
    return new FeedClient(response, response.body!.getReader(), abort);
  }

  /** The next frame that matches, waiting at most `withinMs`; earlier frames are consumed. */
  async next(matches: (frame: Frame) => boolean = (frame) => frame.data !== undefined, withinMs = 5_000): Promise<Frame> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const index = this.frames.findIndex(matches);
      if (index >= 0) return this.frames.splice(0, index + 1)[index];
      this.frames.length = 0;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error('no matching frame arrived in time');
      await this.read(remaining);
    }
  }

  /** The next `count` events, in order. */
  async events(count: number): Promise<Frame[]> {
    const events: Frame[] = [];
    while (events.length < count) events.push(await this.next());
    return events;
  }

  /** Every frame that arrives within `ms` (to show that nothing more came). */
  async drain(ms: number): Promise<Frame[]> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) await this.read(deadline - Date.now()).catch(() => undefined);
    return this.frames.splice(0);
  }

  close(): void {
    this.abort.abort();
  }

  private async read(withinMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('read timed out')), withinMs)));
    const chunk = await Promise.race([this.reader.read(), timeout]).finally(() => clearTimeout(timer));
    if (chunk.done) throw new Error('the feed ended');
    this.buffer += this.decoder.decode(chunk.value, { stream: true });
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.frames.push(parseFrame(block));
    }
  }
}

function parseFrame(block: string): Frame {
  const frame: { id?: string; data?: Record<string, unknown>; comment?: string } = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    else if (line.startsWith('id: ')) frame.id = line.slice(4);
    else if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6));
  }
  return frame;
}

/** One sample of the app's Prometheus text, by metric name (no labels). */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in the metrics`);
  return Number(line.split(' ')[1]);
}

describe.each(STORES)('GET /events/stream, the live feed, on %s', (kind) => {
  let location: StoreLocation;
  let app: INestApplication;
  let base: string;
  let store: EventStore;
  const open: FeedClient[] = [];
  const feed = async (options: Parameters<typeof FeedClient.open>[1] = { auth: admin }) => {
    const client = await FeedClient.open(base, options);
    open.push(client);
    return client;
  };
  const metrics = async () => {
    const response = await fetch(`${base}/metrics`, { headers: { Authorization: admin } });
    expect(response.status).toBe(200);
    return response.text();
  };
  const http = () => request(app.getHttpServer());
  /** The metrics once every client of earlier tests has been let go: the baseline to come back to. */
  const settled = () =>
    eventually(async () => {
      const text = await metrics();
      expect(sample(text, 'live_feed_clients')).toBe(0);
      return text;
    }, 3_000);

  beforeAll(async () => {
    location = newStoreLocation(kind);
    app = await createApp(loadSettings(envFor(location)), { liveFeed: { heartbeatMs: HEARTBEAT_MS, maxBufferedBytes: MAX_BUFFERED_BYTES } });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    store = app.get(EVENT_STORE);
    // The projections' own subscriptions are part of the store's count: let them settle first.
    await eventually(async () => {
      const { body } = await http().get('/projections').set('Authorization', admin).expect(200);
      expect(body.map((projection: { status: string }) => projection.status)).toEqual(body.map(() => 'live'));
    }, 10_000);
  });

  afterEach(() => {
    for (const client of open.splice(0)) client.close();
  });

  afterAll(async () => {
    await app?.close();
    await removeStoreLocation(location);
  });

  /** Every stored event of an issue, as the store itself reports them, with their checkpoints. */
  async function storedEventsOf(issueId: string) {
    const stream = await store.readStream(streamIdOf(issueId));
    const positions = new Set(stream.map((event) => event.globalPosition));
    const checkpoints = new Map<number, string>();
    let after: string | null = null;
    for (;;) {
      const page = await store.readAll({ after, limit: 1000 });
      for (const event of page.events) if (positions.has(event.globalPosition)) checkpoints.set(event.globalPosition, event.checkpoint);
      if (page.events.length === 0) break;
      after = page.checkpoint;
    }
    return stream.map((event) => ({ type: event.type, globalPosition: event.globalPosition, checkpoint: checkpoints.get(event.globalPosition)! }));
  }

  it('streams each appended event from now on, in order, with its checkpoint as id and the status it leads to', async () => {
    await raise(http(), {}, manager); // before the client connects: not part of its feed
    const client = await feed();
    expect(client.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(client.response.headers.get('cache-control')).toBe('no-cache');
    expect(client.response.headers.get('x-accel-buffering')).toBe('no');

    const issue = await raise(http(), {}, manager);
    await advance(http(), issue, ['refer', 'resolve', 'feed-back']);
    const frames = await client.events(4);

    const stored = await storedEventsOf(issue.id);
    expect(frames.map((frame) => frame.id)).toEqual(stored.map((event) => event.checkpoint));
    expect(frames.map((frame) => frame.data)).toEqual(
      [
        ['IssueLogged', 'logged'],
        ['IssueReferred', 'referred'],
        ['IssueResolved', 'resolved'],
        ['OutcomeFedBack', 'fedBack'],
      ].map(([type, status], index) => ({ type, issueId: issue.id, status, globalPosition: stored[index].globalPosition })),
    );
  });

  it('resumes right after Last-Event-ID, repeating and skipping nothing', async () => {
    const first = await feed();
    const issue = await raise(http(), {}, manager);
    const referred = await advance(http(), issue, ['refer']);
    const seen = await first.events(2);
    first.close();
    await advance(http(), referred, ['resolve', 'feed-back']);

    const resumed = await feed({ auth: admin, lastEventId: seen[1].id });
    const rest = await resumed.events(2);
    const stored = await storedEventsOf(issue.id);
    expect([...seen, ...rest].map((frame) => frame.id)).toEqual(stored.map((event) => event.checkpoint));
    expect(rest.map((frame) => frame.data?.status)).toEqual(['resolved', 'fedBack']);
    expect(await resumed.drain(300)).toEqual(expect.not.arrayContaining([expect.objectContaining({ data: expect.anything() })]));
  });

  it('answers 400 for a Last-Event-ID this store never wrote, before any stream starts', async () => {
    await raise(http(), {}, manager);
    const head = (await store.readAll({ after: null, limit: 100_000 })).events.at(-1)!.checkpoint;
    const beyond = kind === 'sqlite' ? String(Number(head) + 1_000) : head.replace(/^(\d+):(\d+)$/, (_, tx: string, pos: string) => `${BigInt(tx) + 1_000n}:${Number(pos) + 1_000}`);
    for (const lastEventId of ['not-a-checkpoint', '12:ab', beyond]) {
      const response = await http().get('/events/stream').set('Authorization', admin).set('Last-Event-ID', lastEventId);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body.message).toMatch(/Last-Event-ID/);
    }
  });

  it('takes the token as ?access_token= on this route only, checked like the header', async () => {
    const client = await feed({ query: `?access_token=${bearer('officer').slice('Bearer '.length)}` });
    const issue = await raise(http(), {}, manager);
    expect((await client.next()).data).toMatchObject({ type: 'IssueLogged', issueId: issue.id });

    const bad = await fetch(`${base}/events/stream?access_token=not.a.token`);
    expect(bad.status).toBe(401);
    const wrongSecret = await fetch(`${base}/events/stream?access_token=${forgedToken()}`);
    expect(wrongSecret.status).toBe(401);
    expect((await fetch(`${base}/events/stream`)).status).toBe(401);
    expect((await fetch(`${base}/events/stream?access_token=a&access_token=b`)).status).toBe(401);
    expect((await fetch(`${base}/events/stream?other=1`, { headers: { Authorization: admin } })).status).toBe(400);
    // Elsewhere a token in the URL is no token at all.
    const valid = admin.slice('Bearer '.length);
    expect((await fetch(`${base}/issues?access_token=${valid}`)).status).toBe(401);
    expect((await fetch(`${base}/metrics?access_token=${valid}`)).status).toBe(401);
  });

  it.each(['viewer', 'areaManager', 'boardChair', 'officer', 'auditor', 'admin'] as Role[])('lets a %s follow the feed', async (role) => {
    const response = await fetch(`${base}/events/stream`, { headers: { Authorization: bearer(role, ['*']) } });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  it("shows a token serving some areas only those areas' events, issue and area streams alike", async () => {
    const calneViewer = await feed({ auth: bearer('viewer', ['calne']) });
    const everyone = await feed({ auth: bearer('viewer', ['*']) });
    const inTrowbridge = await raise(http(), { areaId: AREA }, manager);
    const { body: menu } = await http().get('/scorecards/indicators').expect(200);
    await http()
      .put(`/areas/${AREA}/scorecard`)
      .set('Authorization', manager)
      .send({ indicators: menu.slice(0, 10).map((indicator: { id: string }) => indicator.id), chosenAt: '2026-01-05' })
      .expect(200);
    const inCalne = await raise(http(), { areaId: 'calne' }, admin);

    const all = await everyone.events(3);
    expect(all.map((frame) => frame.data)).toEqual([
      expect.objectContaining({ type: 'IssueLogged', issueId: inTrowbridge.id, status: 'logged' }),
      { type: 'ScorecardChosen', areaId: AREA, globalPosition: expect.any(Number) },
      expect.objectContaining({ type: 'IssueLogged', issueId: inCalne.id, status: 'logged' }),
    ]);
    // In store order, so had any Trowbridge event been sent to the Calne viewer it would come first.
    const calneOnly = await calneViewer.next();
    expect(calneOnly.data).toMatchObject({ issueId: inCalne.id });
    expect(calneOnly.id).toBe(all[2].id);
  });

  it('sends a keep-alive comment when nothing happens', async () => {
    const client = await feed();
    const started = Date.now();
    const heartbeat = await client.next((frame) => frame.comment !== undefined, 2_000);
    expect(heartbeat.comment).toBe('keep-alive');
    expect(Date.now() - started).toBeLessThan(HEARTBEAT_MS * 5);
  });

  it('stops the store subscription when a client disconnects', async () => {
    const before = await settled();
    const client = await feed();
    await eventually(async () => {
      const during = await metrics();
      expect(sample(during, 'live_feed_clients')).toBe(sample(before, 'live_feed_clients') + 1);
      expect(sample(during, 'event_store_subscriptions_active')).toBe(sample(before, 'event_store_subscriptions_active') + 1);
    });
    client.close();
    await eventually(async () => {
      const after = await metrics();
      expect(sample(after, 'live_feed_clients')).toBe(sample(before, 'live_feed_clients'));
      expect(sample(after, 'event_store_subscriptions_active')).toBe(sample(before, 'event_store_subscriptions_active'));
    }, 3_000);
  });

  it('drops a client that stops reading instead of buffering for it, and releases its subscription', async () => {
    const before = await settled();
    const issue = await raise(http(), {}, manager);
    // A raw HTTP client that takes the headers and then reads nothing more.
    const stalled = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = httpGet(`${base}/events/stream`, { headers: { Authorization: admin } }, (response) => {
        response.pause();
        resolve(response);
      });
      request.on('error', reject);
    });
    expect(stalled.statusCode).toBe(200);
    const ended = new Promise<void>((resolve) => stalled.socket.once('close', () => resolve()));

    // Far more than the limit plus what the kernel's socket buffers hold.
    let appended = 0;
    const deadline = Date.now() + 20_000;
    while (sample(await metrics(), 'live_feed_clients_dropped_total') === sample(before, 'live_feed_clients_dropped_total')) {
      if (Date.now() > deadline) throw new Error(`the stalled client was not dropped after ${appended} events`);
      await store.append(streamIdOf(issue.id), notes(issue.id, 500), 'any');
      appended += 500;
    }
    // The client sees its stream end once it reads again (a paused socket does not notice the close).
    stalled.resume();
    await ended;
    await eventually(async () => {
      const after = await metrics();
      expect(sample(after, 'live_feed_clients')).toBe(sample(before, 'live_feed_clients'));
      expect(sample(after, 'event_store_subscriptions_active')).toBe(sample(before, 'event_store_subscriptions_active'));
    }, 3_000);
  }, 60_000);
});

/** NoteAdded events, straight into an issue's stream: the quickest way to fill a client's buffers. */
function notes(issueId: string, count: number) {
  const provenance = { actor: { id: 'e2e', role: 'officer' as const }, correlationId: randomUUID(), causationId: randomUUID() };
  return Array.from({ length: count }, (_, index) =>
    toNewEvent({ type: 'NoteAdded', occurredAt: new Date().toISOString(), data: { text: `note ${index} for ${issueId}`, public: false } }, provenance),
  );
}

/** A well-formed token signed with another secret. */
function forgedToken(): string {
  return sign({ sub: 'mallory', name: 'Mallory', role: 'admin', areas: ['*'] }, 'not-the-secret', { algorithm: 'HS256' });
}
