import type { AddressInfo } from 'node:net';
import { type Browser, launchChromium } from './browser';
import { newStoreLocation, removeStoreLocation, startTestApp, type StoreLocation, type TestApp } from './testApp';

/** What a browser test of the web pages drives: the real app listening on a port over a fresh SQLite store, and a real Chromium. */
export interface PagesApp {
  readonly location: StoreLocation;
  readonly api: TestApp;
  /** `http://127.0.0.1:<port>`, where the pages are served. */
  readonly base: string;
  readonly browser: Browser;
}

export async function startPagesApp(extraEnv: Record<string, string> = {}): Promise<PagesApp> {
  const location = newStoreLocation('sqlite');
  const api = await startTestApp(location, extraEnv);
  await api.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  return { location, api, base, browser: await launchChromium() };
}

/** Closes what `startPagesApp` opened: the browser first, since its live feeds hold connections the server would wait for. */
export async function stopPagesApp({ location, api, browser }: Partial<PagesApp>): Promise<void> {
  await browser?.close();
  await api?.close();
  if (location) await removeStoreLocation(location);
}
