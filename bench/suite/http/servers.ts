import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '../../../apps/api/src/auth/token';
import { startApiProcess } from '../../../test/support/apiProcess';
import { residentMb } from '../../support/processMemory';
import { forkScript, type PartMemory } from '../partProcess';

/** A server under load, in a process of its own, on a fresh data folder. */
export interface ServerUnderTest {
  readonly url: string;
  /** Its peak RSS since it started (VmHWM), and its RSS once it answered its first request, in MB. */
  memory(): PartMemory;
  /** Waits until the work a run left behind is done (the app's projections caught up); answers the seconds it took. */
  settle(): Promise<number>;
  stop(): Promise<void>;
}

const SETTLE_LIMIT_MS = 120_000;

/** Polls GET /projections until every projection is live with no lag. */
async function projectionsCaughtUp(url: string, admin: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const response = await fetch(`${url}/projections`, { headers: { authorization: admin } });
    if (!response.ok) throw new Error(`GET /projections answered ${response.status}: ${await response.text()}`);
    const infos = (await response.json()) as Array<{ name: string; lag: number; status: string }>;
    if (infos.every((info) => info.lag === 0 && info.status === 'live')) return (performance.now() - started) / 1000;
    if (performance.now() - started > SETTLE_LIMIT_MS) throw new Error(`the app's projections did not catch up within ${SETTLE_LIMIT_MS / 1000} s: ${JSON.stringify(infos)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The built app (dist/), as it runs in production on SQLite, with the projections it runs there. */
export async function startApp(jwtSecret: string): Promise<ServerUnderTest> {
  const admin = `Bearer ${mintToken(jwtSecret, { sub: 'bench-admin', name: 'Bench admin', role: 'admin', areas: ['*'] })}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-http-app-'));
  const api = await startApiProcess({
    EVENT_STORE: 'sqlite',
    DATA_DIR: dataDir,
    JWT_SECRET: jwtSecret,
    // Every request of the bench comes from one address: the anonymous intake's limit would refuse most.
    INTAKE_RATE_LIMIT: '1000000',
    // No line per request: logging is not what is measured.
    LOG_LEVEL: 'warn',
  });
  const startRssMb = residentMb(api.child.pid!).rss;
  return {
    url: api.url,
    memory: () => ({ peakRssMb: residentMb(api.child.pid!).peak, startRssMb }),
    settle: () => projectionsCaughtUp(api.url, admin),
    stop: async () => {
      // Killed outright if a graceful stop takes too long: the bench must end.
      setTimeout(() => api.child.kill('SIGKILL'), 10_000).unref();
      await api.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The bare node:http server doing the same durable insert (bareServer.ts). */
export async function startBareServer(): Promise<ServerUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-http-bare-'));
  const child = forkScript('http/bareServer.ts', { dataDir });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code} at start-up: ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const startRssMb = residentMb(child.pid!).rss;
  return {
    url: `http://127.0.0.1:${port}`,
    memory: () => ({ peakRssMb: residentMb(child.pid!).peak, startRssMb }),
    settle: async () => 0,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
