/**
 * How fast does POST /admin/import bring in a council's history? Generates a JSON Lines file of
 * realistic historic issues (every status, reopenings, board reviews; about 5.6 events an issue),
 * posts it to the API listening on a real socket, on a fresh store in a temporary folder on disk
 * (SQLite: WAL, synchronous=FULL, an fsync on every commit), and reports issues a second. Then
 * posts it again: nothing is imported, every line is skipped. Target: 10,000 issues in under a minute.
 *
 *   npm run bench:import -- [--issues 10000] [--seed 1] [--store sqlite|postgres]
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { createApp } from '../apps/api/src/app.factory';
import { mintToken } from '../apps/api/src/auth/token';
import { loadSettings } from '../apps/api/src/config/settings';
import { benchArgs, choiceArg, databaseUrlArg, numberArg } from './support/benchArgs';
import { generateImportFile } from './support/importFile';

const JWT_SECRET = 'bench-secret';
const TARGET_SECONDS = 60;
const admin = `Bearer ${mintToken(JWT_SECRET, { sub: 'bench-admin', name: 'Bench admin', role: 'admin', areas: ['*'] })}`;

interface Summary {
  imported: number;
  skipped: number;
  rejected: Array<{ line: number; message: string }>;
}

async function postImport(url: string, text: string): Promise<{ summary: Summary; seconds: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/admin/import`, { method: 'POST', headers: { authorization: admin, 'content-type': 'application/x-ndjson' }, body: text });
  const seconds = (performance.now() - started) / 1000;
  if (response.status !== 200) throw new Error(`import answered ${response.status}: ${await response.text()}`);
  return { summary: (await response.json()) as Summary, seconds };
}

async function main(): Promise<void> {
  const args = benchArgs();
  const issues = numberArg(args, 'issues', 10_000);
  const seed = numberArg(args, 'seed', 1);
  const kind = choiceArg(args, 'store', ['sqlite', 'postgres'] as const);
  const databaseUrl = databaseUrlArg(args);
  if (kind === 'postgres' && !databaseUrl) throw new Error('--store postgres needs --database-url, DATABASE_URL or TEST_DATABASE_URL');

  const dataDir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const schema = `bench_import_${process.pid}`;
  const env = { EVENT_STORE: kind, DATA_DIR: dataDir, JWT_SECRET, LOG_LEVEL: 'silent', ...(kind === 'postgres' && { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }) };
  const app = await createApp(loadSettings(env));
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  try {
    const { text, transitions } = generateImportFile(issues, seed);
    const megabytes = Buffer.byteLength(text) / 1024 / 1024;
    console.log(`import: ${issues} issues, ${issues + transitions} events, ${megabytes.toFixed(1)} MB of JSON Lines, on ${kind} in ${kind === 'sqlite' ? dataDir : schema}`);
    console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}`);

    const first = await postImport(url, text);
    if (first.summary.imported !== issues || first.summary.rejected.length > 0) {
      throw new Error(`expected ${issues} imported, got ${JSON.stringify({ ...first.summary, rejected: first.summary.rejected.slice(0, 5) })}`);
    }
    const second = await postImport(url, text);
    if (second.summary.imported !== 0 || second.summary.skipped !== issues) throw new Error(`the second import should skip every line: ${JSON.stringify(second.summary)}`);

    console.log('| run | issues | seconds | issues/s | events/s |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(`| first (imports) | ${issues} | ${first.seconds.toFixed(1)} | ${(issues / first.seconds).toFixed(0)} | ${((issues + transitions) / first.seconds).toFixed(0)} |`);
    console.log(`| second (skips all) | ${issues} | ${second.seconds.toFixed(1)} | ${(issues / second.seconds).toFixed(0)} | – |`);
    const verdict = first.seconds * (10_000 / issues) < TARGET_SECONDS ? 'MET' : 'MISSED';
    console.log(`target: 10,000 issues in under ${TARGET_SECONDS} s: ${verdict} (${(first.seconds * (10_000 / issues)).toFixed(1)} s for 10,000 at this rate)`);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (kind === 'postgres') {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
