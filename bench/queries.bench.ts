/**
 * How fast do the read routes answer, and how much memory does the API hold, with 100,000
 * issues in the store? The built API runs as its own process on a copy of a generated SQLite
 * store (cached between runs): a first one builds the read models, then a second one, started
 * on them, gets 500 sequential requests per route from this process, in rounds of one request
 * per route so that a busy moment of the machine falls on every route alike, beside a raw
 * baseline: GET /areas, which touches no database, so the HTTP overhead (Express, the guard's
 * JWT check) is visible. Targets: p99 under 20 ms for /kpis and the filtered GET /issues; RSS
 * under 300 MB.
 *
 *   npx nest build api && npm run bench:queries -- [--issues 100000] [--requests 500] [--seed 1]
 */
import 'reflect-metadata';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '../apps/api/src/auth/token';
import { type ApiProcess, startApiProcess } from '../test/support/apiProcess';
import { benchArgs, numberArg } from './support/benchArgs';
import { openGeneratedStore } from './support/generatedStore';
import { type LatencySummary, summarise, timedGet } from './support/latency';

const JWT_SECRET = 'bench-secret';
const RSS_BUDGET_MB = 300;
const P99_TARGET_MS = 20;
const admin = `Bearer ${mintToken(JWT_SECRET, { sub: 'bench-admin', name: 'Bench admin', role: 'admin', areas: ['*'] })}`;

/** The baseline first; the KPI routes only where the API has them (they are being built). */
const ROUTES = [
  { path: '/areas', baseline: true, optional: false, target: false },
  { path: '/issues?status=referred&areaId=trowbridge&pageSize=50', baseline: false, optional: false, target: true },
  { path: '/issues?q=pothole', baseline: false, optional: false, target: false },
  { path: '/kpis', baseline: false, optional: true, target: true },
  { path: '/kpis?areaId=trowbridge', baseline: false, optional: true, target: true },
];

/** A copy of the cached store in a fresh DATA_DIR: the API writes beside it (read models, WAL). */
function freshDataDir(eventsFile: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-queries-'));
  for (const suffix of ['', '-wal']) {
    if (existsSync(eventsFile + suffix)) copyFileSync(eventsFile + suffix, join(dataDir, `events.db${suffix}`));
  }
  return dataDir;
}

async function waitForProjections(api: ApiProcess, events: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const response = await fetch(`${api.url}/projections`, { headers: { authorization: admin } });
    const infos = (await response.json()) as Array<{ name: string; position: number; lag: number; status: string; error?: string }>;
    const failed = infos.find((info) => info.status === 'failed');
    if (failed) throw new Error(`projection ${failed.name} failed in the API: ${failed.error}`);
    if (infos.every((info) => info.lag === 0 && info.status === 'live')) return (performance.now() - started) / 1000;
    if (performance.now() - started > 30 * 60_000) throw new Error(`projections did not catch up with ${events} events: ${JSON.stringify(infos)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** VmRSS (now) and VmHWM (the peak) of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const row = (path: string, s: LatencySummary, baseline: LatencySummary | undefined, note: string) =>
  `| ${path} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.max.toFixed(2)} | ${baseline ? (s.p99 / baseline.p99).toFixed(1) : '1.0'} | ${note} |`;

async function main(): Promise<void> {
  const args = benchArgs();
  const issues = numberArg(args, 'issues', 100_000);
  const requests = numberArg(args, 'requests', 500);
  const seed = numberArg(args, 'seed', 1);
  console.log(`read routes with ${issues.toLocaleString('en-GB')} issues on sqlite: ${requests} sequential requests per route`);
  console.log(`node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}`);

  const generated = await openGeneratedStore({ kind: 'sqlite', size: { issues }, seed });
  await generated.store.close();
  console.log(
    `${generated.generated ? 'generated' : 'reused the cached store'} ${generated.location}: ${generated.issues.toLocaleString('en-GB')} issues, ${generated.events.toLocaleString('en-GB')} events${generated.generated ? '' : ' (generation skipped)'}`,
  );
  const dataDir = freshDataDir(generated.location);
  const env = { EVENT_STORE: 'sqlite', DATA_DIR: dataDir, JWT_SECRET, LOG_LEVEL: 'silent', INTAKE_RATE_LIMIT: '1000000' };
  // A first process builds the read models from the store; the load runs on a second one, started
  // on read models already caught up, as an API restarted in production is: its memory is what
  // serving takes, not what a rebuild left behind (reported apart, as the first process's peak).
  const builder = await startApiProcess(env);
  let api: ApiProcess | undefined;
  try {
    const caughtUp = await waitForProjections(builder, generated.events);
    const buildPeak = memoryOf(builder.child.pid!).peak;
    await builder.kill('SIGTERM');
    console.log(`the API's projections caught up with ${generated.events.toLocaleString('en-GB')} events in ${caughtUp.toFixed(1)} s after start (peak RSS meanwhile ${buildPeak.toFixed(0)} MB)`);
    api = await startApiProcess(env);
    await waitForProjections(api, generated.events);
    const { total } = (await (await fetch(`${api.url}/issues?pageSize=1`, { headers: { authorization: admin } })).json()) as { total: number };
    if (total !== generated.issues) throw new Error(`GET /issues counts ${total} issues, the store holds ${generated.issues}`);

    const routes = [];
    for (const route of ROUTES) {
      const status = (await fetch(`${api.url}${route.path}`, { headers: { authorization: admin } })).status;
      if (status === 404 && route.optional) console.log(`GET ${route.path} is not in this API yet (404): left out of this run`);
      else routes.push(route);
    }
    // Warm-up: JIT, SQLite's page cache and prepared statements, pooled connections.
    for (let round = 0; round < 50; round++) for (const route of routes) await timedGet(`${api.url}${route.path}`, admin);
    const samples = new Map(routes.map((route) => [route.path, [] as number[]]));
    for (let round = 0; round < requests; round++) {
      for (const route of routes) samples.get(route.path)!.push(await timedGet(`${api.url}${route.path}`, admin));
    }
    const memory = memoryOf(api.child.pid!);

    const baseline = summarise(samples.get(ROUTES[0].path)!);
    console.log('| GET | p50 ms | p95 ms | p99 ms | max ms | p99 / baseline | |');
    console.log('|---|---:|---:|---:|---:|---:|---|');
    for (const route of routes) {
      const summary = summarise(samples.get(route.path)!);
      const note = route.baseline ? 'raw baseline: no database' : route.target ? (summary.p99 < P99_TARGET_MS ? `met (p99 < ${P99_TARGET_MS} ms)` : `MISSED (p99 >= ${P99_TARGET_MS} ms)`) : '';
      console.log(row(route.path, summary, route.baseline ? undefined : baseline, note));
    }
    console.log(
      `API process RSS after the load: ${memory.rss.toFixed(0)} MB of a ${RSS_BUDGET_MB} MB budget (${memory.rss < RSS_BUDGET_MB ? 'met' : 'MISSED'}); its peak since start (VmHWM): ${memory.peak.toFixed(0)} MB`,
    );
  } finally {
    if (builder.child.exitCode === null) await builder.kill('SIGTERM');
    await api?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
