/**
 * `npm run bench:peers`: installs the peers the bench compares with, each in its own folder
 * from its own lock (npm ci --prefix), since they need different Emmett versions and none of
 * them belongs in the project's dependencies. A folder already installed from its current lock,
 * whose packages all load, is skipped. sqlite3 compiles from source (about a minute), so each
 * install is also kept in a cache outside the work tree, keyed by the lock and the Node ABI, and
 * a fresh clone on the same machine (CI) copies it from there instead. A peer that cannot be
 * installed is reported here and is not fatal: its rows in the table say NOT BUILT.
 *
 *   npm run bench:peers
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

const CACHE_DIR = join(homedir(), '.cache', 'issues-of-concern', 'bench-peers');

const PEERS = ['emmett-sqlite', 'emmett-postgresql'];

/** Why a folder is not installed as its lock says, or undefined when it is. */
function notInstalled(folder: string): string | undefined {
  const installedLock = join(folder, 'node_modules', '.package-lock.json');
  if (!existsSync(installedLock)) return 'not installed';
  if (statSync(installedLock).mtimeMs < statSync(join(folder, 'package-lock.json')).mtimeMs) return 'its lock changed since the install';
  const { dependencies } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const requireFromPeer = createRequire(join(folder, 'package.json'));
  for (const name of Object.keys(dependencies)) {
    try {
      requireFromPeer(name);
    } catch (error) {
      // An ES module loads only by import, which this check need not do: it was found.
      if ((error as { code?: string }).code !== 'ERR_REQUIRE_ESM') return `${name} does not load: ${(error as Error).message.split('\n')[0]}`;
    }
  }
  return undefined;
}

/** Where an install of this lock, built by this Node (its ABI), is kept. */
function cacheOf(peer: string, folder: string): string {
  const key = createHash('sha256')
    .update(readFileSync(join(folder, 'package-lock.json')))
    .update(`${process.versions.modules} ${process.platform} ${process.arch}`)
    .digest('hex')
    .slice(0, 16);
  return join(CACHE_DIR, `${peer}-${key}`, 'node_modules');
}

// Symbolic links (node_modules/.bin) are copied as they are, relative, not resolved.
const copyTree = (from: string, to: string) => cpSync(from, to, { recursive: true, verbatimSymlinks: true });

function restoreFromCache(peer: string, folder: string): boolean {
  const cached = cacheOf(peer, folder);
  if (!existsSync(cached)) return false;
  rmSync(join(folder, 'node_modules'), { recursive: true, force: true });
  copyTree(cached, join(folder, 'node_modules'));
  return notInstalled(folder) === undefined;
}

function keepInCache(peer: string, folder: string): void {
  const cached = cacheOf(peer, folder);
  const partial = `${cached}.partial-${process.pid}`;
  try {
    copyTree(join(folder, 'node_modules'), partial);
    rmSync(cached, { recursive: true, force: true });
    renameSync(partial, cached);
  } catch (error) {
    console.warn(`bench peer ${peer}: not kept in ${CACHE_DIR} (${(error as Error).message}); the next clean install compiles again`);
    rmSync(partial, { recursive: true, force: true });
  }
}

for (const peer of PEERS) {
  const folder = join(__dirname, peer);
  const why = notInstalled(folder);
  if (!why) {
    console.log(`bench peer ${peer}: installed`);
    if (!existsSync(cacheOf(peer, folder))) keepInCache(peer, folder);
    continue;
  }
  if (restoreFromCache(peer, folder)) {
    console.log(`bench peer ${peer}: ${why}; copied from ${CACHE_DIR}`);
    continue;
  }
  console.log(`bench peer ${peer}: ${why}; npm ci --prefix bench/peers/${peer} (sqlite3, where a peer needs it, compiles from source: about a minute)`);
  const started = performance.now();
  const install = spawnSync('npm', ['ci', '--prefix', folder, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  const still = install.status === 0 ? notInstalled(folder) : `npm ci exited with ${install.status ?? install.signal}`;
  if (still) {
    console.error(`bench peer ${peer} could NOT be installed (${still}): its rows in the bench will say NOT BUILT`);
    continue;
  }
  console.log(`bench peer ${peer}: installed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  keepInCache(peer, folder);
}
