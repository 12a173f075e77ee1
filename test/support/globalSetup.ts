import { buildWeb } from '../../apps/web/build';

/**
 * Before any test: bundle the web pages (apps/web → dist/web, well under a second), so the
 * browser tests drive the pages as they are in the sources, whether or not `npm run build` ran.
 */
export default async function globalSetup(): Promise<void> {
  await buildWeb();
}
