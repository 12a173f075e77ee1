/**
 * Can the audit export stream a large store in little memory? On a store of generated issue
 * histories (cached between runs, shared with the other benches), in one run:
 *  - a raw baseline in this process: every event through readAll pages, encoded as JSON Lines by
 *    the export's own encoder and written, with back-pressure, to /dev/null (no HTTP);
 *  - the real route: the API in its own process on a copy of the store, its projections caught up
 *    first, then GET /audit/export read by a client at full speed.
 * Reports events/s of each and the peak RSS of the API process during the export (VmHWM, reset
 * once the API is idle). Target: under 200 MB for 1,000,000 events.
 *
 *   npm run bench:export -- [--events 1000000] [--seed 1] [--format jsonl|csv] [--api-node-options "--max-old-space-size=96"]
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { encoderFor, exportChunks, revealNothing, writeExport } from '@app/audit';
import { mintToken } from '../apps/api/src/auth/token';
import { benchArgs, choiceArg, numberArg } from './support/benchArgs';
import { BENCH_CACHE_DIR, openGeneratedStore, rate } from './support/generatedStore';
import { residentMb, resetPeak, sampleRss } from './support/processMemory';
import { timed } from './support/storeScans';

const TARGET_MB = 200;
const JWT_SECRET = 'bench-export-secret';
const ROOT = join(__dirname, '..');
const BUILT_API = join(ROOT, 'dist', 'apps', 'api', 'main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The API as its own process: the built one when `npm run build` has made it, else through ts-node. */
function startApi(dataDir: string, port: number, nodeOptions = ''): { child: ChildProcess; how: string } {
  const env = { ...process.env, EVENT_STORE: 'sqlite', DATA_DIR: dataDir, PORT: String(port), JWT_SECRET, LOG_LEVEL: 'warn', NODE_OPTIONS: nodeOptions };
  if (existsSync(BUILT_API)) return { child: spawn(process.execPath, [BUILT_API], { env, stdio: ['ignore', 'ignore', 'inherit'] }), how: 'dist/apps/api/main.js' };
  const args = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'apps/api/src/main.ts')];
  return {
    child: spawn(process.execPath, args, { env: { ...env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') }, cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }),
    how: 'apps/api/src/main.ts through ts-node (run npm run build first to measure the built API)',
  };
}

/** An API process on the data folder, answering. */
async function startedApi(dataDir: string, nodeOptions?: string): Promise<{ child: ChildProcess; url: string; how: string }> {
  const port = await freePort();
  const { child, how } = startApi(dataDir, port, nodeOptions);
  const url = `http://127.0.0.1:${port}`;
  await waitFor('the API to answer', 120_000, async () => (await fetch(`${url}/areas`)).ok);
  return { child, url, how };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Reads the whole response as fast as it comes, counting lines; holds nothing. */
async function drainExport(url: string, token: string): Promise<{ lines: number; bytes: number }> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  let lines = 0;
  let bytes = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    bytes += read.value.length;
    for (let at = read.value.indexOf(10); at !== -1; at = read.value.indexOf(10, at + 1)) lines++;
  }
  return { lines, bytes };
}

async function main(): Promise<void> {
  const args = benchArgs();
  const events = numberArg(args, 'events', 1_000_000);
  const seed = numberArg(args, 'seed', 1);
  const format = choiceArg(args, 'format', ['jsonl', 'csv'] as const);
  // NODE_OPTIONS of the measured API process, e.g. "--max-old-space-size=96" (V8 grows its heap
  // lazily under a high allocation rate: a cap shows what the export really needs).
  const apiNodeOptions = args.get('api-node-options') ?? '';
  console.log(`audit export (${format}) of ${events.toLocaleString('en-GB')} events on sqlite`);
  console.log(`node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}; cache ${BENCH_CACHE_DIR}`);
  const generated = await openGeneratedStore({ kind: 'sqlite', size: { events }, seed });
  console.log(`${generated.generated ? 'generated' : 'reused the cached store'} ${generated.location}: ${generated.events.toLocaleString('en-GB')} events`);

  // The raw baseline: the export's own pages and encoder, into /dev/null with back-pressure.
  const baselineRss = sampleRss(process.pid);
  const baseline = await timed(() =>
    writeExport(exportChunks({ store: generated.store, window: {}, encoder: encoderFor(format), reveal: revealNothing }), createWriteStream('/dev/null')),
  );
  const baselinePeak = baselineRss.stop();
  await generated.store.close();
  if (baseline.result.events !== generated.events) throw new Error(`the baseline wrote ${baseline.result.events} events of ${generated.events}`);
  console.log(`raw baseline done: ${baseline.seconds.toFixed(1)} s`);

  const dataDir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  let api: ChildProcess | undefined;
  try {
    copyFileSync(generated.location, join(dataDir, 'events.db'));
    const token = mintToken(JWT_SECRET, { sub: 'bench-auditor', name: 'Bench auditor', role: 'admin', areas: ['*'] });
    const caughtUp = async (url: string) => {
      const projections = (await (await fetch(`${url}/projections`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Array<{ lag: number }>;
      return projections.length > 0 && projections.every((projection) => projection.lag === 0);
    };
    // A first API process brings the projections up to date on the whole store, then stops:
    // that work (and the memory it leaves behind) is not the export's.
    const warmUp = await startedApi(dataDir);
    api = warmUp.child;
    console.log(`the API: ${warmUp.how}`);
    const catchUp = await timed(() => waitFor('the projections to catch up', 1_800_000, () => caughtUp(warmUp.url)));
    console.log(`projections caught up on the copy in ${catchUp.seconds.toFixed(1)} s (a first API process, now stopped)`);
    await stop(api);
    // The measured process: a fresh API whose projections have nothing left to do.
    const measured = await startedApi(dataDir, apiNodeOptions);
    api = measured.child;
    const { url } = measured;
    const pid = api.pid!;
    await waitFor('the projections to report lag 0', 120_000, () => caughtUp(url));
    const idle = residentMb(pid);
    console.log(`the measured API (pid ${pid}${apiNodeOptions ? `, NODE_OPTIONS=${apiNodeOptions}` : ''}) idles at ${idle.rss.toFixed(0)} MB RSS (peak since start ${idle.peak.toFixed(0)} MB, reset now)`);
    resetPeak(pid);
    const sampled = sampleRss(pid);
    const overHttp = await timed(() => drainExport(`${url}/audit/export?format=${format}`, token));
    const sampledPeak = sampled.stop();
    const after = residentMb(pid);
    const expectedLines = generated.events + (format === 'csv' ? 1 : 0);
    if (format === 'jsonl' && overHttp.result.lines !== expectedLines) throw new Error(`the export had ${overHttp.result.lines} lines for ${generated.events} events`);
    const apiPeak = Math.max(after.peak, sampledPeak);

    console.log('| export | seconds | events/s | MB written | peak RSS (MB) |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(`| raw: readAll pages encoded to /dev/null, in-process | ${baseline.seconds.toFixed(2)} | ${rate(generated.events, baseline.seconds)} | – | ${baselinePeak.toFixed(0)} (this bench process) |`);
    console.log(
      `| GET /audit/export over HTTP, client reading at full speed | ${overHttp.seconds.toFixed(2)} | ${rate(generated.events, overHttp.seconds)} | ${(overHttp.result.bytes / 1e6).toFixed(0)} | ${apiPeak.toFixed(0)} (API process, VmHWM) |`,
    );
    console.log(`HTTP / raw = ${(baseline.seconds / overHttp.seconds).toFixed(2)}; API RSS before the export ${idle.rss.toFixed(0)} MB, after ${after.rss.toFixed(0)} MB`);
    console.log(`peak RSS of the API during the export: ${apiPeak.toFixed(0)} MB (target < ${TARGET_MB} MB): ${apiPeak < TARGET_MB ? 'met' : 'MISSED'}`);
  } finally {
    if (api) await stop(api);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
