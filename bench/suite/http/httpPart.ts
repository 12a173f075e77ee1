/**
 * The HTTP part of `npm run bench`, in a process of its own (see partProcess.ts): intake and a
 * note through the real app, then through the bare server, at the maximum rate 16 clients get
 * (autocannon) and at a share of the app's maximum (paced); each server alone on the machine
 * while it is measured.
 */
import { mintToken } from '../../../apps/api/src/auth/token';
import type { ModeSettings } from '../benchMode';
import { type BenchRow, emptyRow } from '../benchRow';
import { type PartMemory, partArgs, partMain } from '../partProcess';
import { type HttpPartArgs, httpRowId, httpRowLabel, type Load, type Pace, type Route, type Server, unmeasuredHttpRows } from './httpRows';
import { type LoadFigures, runLoad } from './loadRun';
import { runPaced } from './pacedLoad';
import { intakeSource, IssuePool, noteSource, type RequestSource } from './requestSource';
import { type ServerUnderTest, startApp, startBareServer } from './servers';

const JWT_SECRET = 'bench-secret';
const officer = `Bearer ${mintToken(JWT_SECRET, { sub: 'bench-officer', name: 'Bench officer', role: 'officer', areas: ['trowbridge'] })}`;
/** The e2e suites' intake (test/support/issueRequests.ts): a resident online, with contact details to seal. */
const INTAKE = {
  title: 'Pothole on Castle Street',
  description: 'A deep pothole outside number 12, a danger to cyclists.',
  category: 'highways',
  areaId: 'trowbridge',
  channel: 'online',
  location: { lat: 51.3192, lng: -2.2083, address: '12 Castle Street, Trowbridge' },
  raisedBy: { name: 'Ada Resident', email: 'ada@example.org', phone: '01225 000000' },
};
const NOTE = { text: 'Called the resident.', public: false };

interface Measured {
  readonly server: Server;
  readonly route: Route;
  readonly load: Load;
  readonly pace?: Pace;
  readonly figures: LoadFigures;
  /** How long the app's projections took to catch up after the run (0 for the bare server). */
  readonly settleSeconds: number;
  /** The warm-up run's failures, on the row of the run that follows it. */
  readonly warmupFailures: number;
}

/**
 * Both routes on one server: warm-up, maximum, then the paced rate (the app's own share, or the
 * app's rate for the bare server). Each run starts on a settled server: the app's projections
 * apply what a run appended after it, in the same process, and would otherwise slow the next.
 */
async function measureServer(
  server: Server,
  running: ServerUnderTest,
  settings: ModeSettings['http'],
  pacedRates: Partial<Record<Route, number>>,
): Promise<Measured[]> {
  const pool = new IssuePool();
  const sources: Record<Route, RequestSource> = { intake: intakeSource(pool, INTAKE), note: noteSource(pool, officer, NOTE) };
  const measured: Measured[] = [];
  for (const route of ['intake', 'note'] as const) {
    const base = { url: running.url, connections: settings.connections, source: sources[route] };
    const warmup = await runLoad({ ...base, seconds: settings.warmupSeconds });
    await running.settle();
    const max = await runLoad({ ...base, seconds: settings.seconds });
    measured.push({ server, route, load: 'max', figures: max, settleSeconds: await running.settle(), warmupFailures: warmup.failures });
    const rate = pacedRates[route] ?? max.throughput * settings.loadShare;
    const pace = { rate, share: settings.loadShare };
    const paced = await runPaced({ ...base, seconds: settings.seconds, rate });
    measured.push({ server, route, load: 'paced', pace, figures: paced, settleSeconds: await running.settle(), warmupFailures: 0 });
  }
  return measured;
}

function toRow(measured: Measured, memory: PartMemory): BenchRow {
  const { server, route, load, pace, figures, settleSeconds, warmupFailures } = measured;
  const failed = Object.entries(figures.statuses).filter(([status]) => !status.startsWith('2'));
  const notes = [
    ...(warmupFailures > 0 ? [`warm-up: ${warmupFailures} requests FAILED`] : []),
    ...(failed.length > 0 ? [`answers other than 2xx: ${failed.map(([status, count]) => `${count} × ${status}`).join(', ')}`] : []),
    ...(settleSeconds >= 0.5 ? [`projections caught up ${settleSeconds.toFixed(1)} s after the run`] : []),
  ];
  return emptyRow({
    part: 'http',
    id: httpRowId(server, route, load),
    label: httpRowLabel(server, route, load, pace),
    ours: server === 'app',
    status: 'ok',
    unit: 'requests/s',
    concurrency: 16,
    throughput: figures.throughput,
    p50Ms: figures.p50Ms,
    p99Ms: figures.p99Ms,
    ...(server === 'app' && { baselineId: httpRowId('bare', route, load), baselineName: 'bare http', ratioOf: load === 'max' ? 'throughput' : 'p99' }),
    failures: figures.failures,
    attempts: figures.attempts,
    warmupFailures,
    ...memory,
    note: notes.join('; '),
  });
}

async function main(): Promise<BenchRow[]> {
  const { settings } = partArgs<HttpPartArgs>();
  const rows: BenchRow[] = [];
  const app = await startApp(JWT_SECRET);
  let appMeasured: Measured[];
  try {
    appMeasured = await measureServer('app', app, settings, {});
    rows.push(...appMeasured.map((measured) => toRow(measured, app.memory())));
  } finally {
    await app.stop();
  }
  const appRates = Object.fromEntries(appMeasured.filter((measured) => measured.pace).map((measured) => [measured.route, measured.pace!.rate]));
  const bare = await startBareServer();
  try {
    rows.push(...(await measureServer('bare', bare, settings, appRates)).map((measured) => toRow(measured, bare.memory())));
  } finally {
    await bare.stop();
  }
  // The table's order: each route and load, the app beside the bare server.
  const order = unmeasuredHttpRows('ok', '').map((row) => row.id);
  return rows.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

partMain(main);
