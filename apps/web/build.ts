import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions, context } from 'esbuild';

/*
 * Bundles the web pages (apps/web/src) into dist/web at build time: one script and one style
 * sheet per page, Preact included, nothing fetched from a CDN (councils' machines may have no
 * internet). The API serves the bundles (apps/api/src/pages); `npm run build` and the tests'
 * global set-up run this. `--watch` rebuilds on every change while developing.
 */

const ROOT = join(__dirname, '..', '..');
export const WEB_SOURCE = join(ROOT, 'apps', 'web', 'src');
export const WEB_OUTPUT = join(ROOT, 'dist', 'web');

/** The pages: each entry becomes `<name>.js` (and `<name>.css` when it imports styles); a `.css` entry only `<name>.css`. */
export const WEB_ENTRIES = {
  console: join(WEB_SOURCE, 'console', 'main.tsx'),
  report: join(WEB_SOURCE, 'report', 'main.tsx'),
  track: join(WEB_SOURCE, 'track', 'main.tsx'),
  // A style sheet alone: the printable agenda the API renders (GET /meetings/:id/agenda.html).
  agenda: join(WEB_SOURCE, 'agenda', 'agenda.css'),
} as const;

function options(): BuildOptions {
  return {
    entryPoints: WEB_ENTRIES,
    outdir: WEB_OUTPUT,
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    tsconfig: join(ROOT, 'apps', 'web', 'tsconfig.json'),
  };
}

/** Builds every page once, replacing what dist/web held. */
export async function buildWeb(): Promise<void> {
  rmSync(WEB_OUTPUT, { recursive: true, force: true });
  mkdirSync(WEB_OUTPUT, { recursive: true });
  await build(options());
}

async function main(): Promise<void> {
  if (process.argv.includes('--watch')) {
    const watching = await context(options());
    await watching.watch();
    console.log(`watching ${WEB_SOURCE}: bundles in ${WEB_OUTPUT}`);
    return;
  }
  await buildWeb();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
