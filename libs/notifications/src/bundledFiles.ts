import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A file or folder shipped with the project (templates/, assets/), found from the nearest folder
 * above `from` that holds package.json and it. Works from the sources (ts-jest, ts-node:
 * libs/notifications/src/...) and from the build (webpack keeps the real __dirname: dist/apps/api).
 */
export function bundledPath(relative: string, from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`no folder above ${from} holds package.json and ${relative}: the project's bundled files are missing`);
  }
}
