import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ModeSettings } from '../benchMode';
import type { BenchRow } from '../benchRow';
import { runPart } from '../partProcess';
import { type HttpPartArgs, unmeasuredHttpRows } from './httpRows';

const REPO = join(__dirname, '..', '..', '..');
const BUILT_API = join(REPO, 'dist', 'apps', 'api', 'main.js');

/** The newest modification time of the app's sources (apps/, libs/, config/), tests left out. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!/\.(unit|int)\.spec\.ts$|\.e2e-spec\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The HTTP rows measure the built app: built here when dist/ is missing or older than a source. */
function ensureBuiltApi(log: (line: string) => void): void {
  const sources = Math.max(...['apps', 'libs', 'config'].map((dir) => newestSource(join(REPO, dir))));
  if (existsSync(BUILT_API) && statSync(BUILT_API).mtimeMs >= sources) return;
  log(`building the API (nest build api): ${existsSync(BUILT_API) ? 'a source is newer than dist/' : 'dist/ is missing'}`);
  const build = spawnSync('npx', ['nest', 'build', 'api'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`nest build api failed (exit ${build.status}): the HTTP rows need the built app`);
}

/** The HTTP part in its own process; its rows say FAILED, with why, if it could not run. */
export async function httpSection(settings: ModeSettings['http'], log: (line: string) => void): Promise<BenchRow[]> {
  try {
    ensureBuiltApi(log);
  } catch (error) {
    return unmeasuredHttpRows('failed', (error as Error).message);
  }
  log(`HTTP: intake and a note, the app then the bare server, ${settings.connections} clients, ${settings.seconds} s a run`);
  const args: HttpPartArgs = { settings };
  return runPart('http/httpPart.ts', args, (reason) => unmeasuredHttpRows('failed', reason));
}
