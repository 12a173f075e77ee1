import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { EventStoreAdapter } from '@app/event-store';
import { EVENT_STORE } from '../../../apps/api/src/store/tokens';
import { newStoreLocation, removeStoreLocation, startTestApp, type StoreKind, type StoreLocation, type TestApp } from '../../support/testApp';
import { captureLogs, type LogCapture } from './logCapture';
import { OPEN311_KEY } from './validRequests';

/** A route as the app serves it: method and Express path pattern (`/issues/:id/refer`). */
export interface ServedRoute {
  readonly method: string;
  readonly path: string;
}

/** The real app, listening on a real port, on a fresh store, logging at debug into memory. */
export interface FuzzApp {
  readonly port: number;
  readonly store: EventStoreAdapter;
  readonly logs: LogCapture;
  /** Every route the app serves, read from its router: a route added later is fuzzed too. */
  readonly routes: ServedRoute[];
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

function servedRoutes(api: TestApp): ServedRoute[] {
  const express = api.app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] }; _router?: { stack: RouterLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes = stack.flatMap((layer) => {
    if (!layer.route) return [];
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    const methods = Object.keys(layer.route.methods).filter((method) => layer.route!.methods[method] && method !== '_all');
    return paths.flatMap((path) => methods.map((method) => ({ method: method.toUpperCase(), path })));
  });
  if (routes.length === 0) throw new Error("could not read the app's routes from its Express router");
  return routes;
}

/** Starts the fuzz target for the enclosing suite, and removes it and its store afterwards. */
export function useFuzzApp(kind: StoreKind): () => FuzzApp {
  let location: StoreLocation;
  let api: TestApp | undefined;
  let server: Server | undefined;
  let current: FuzzApp | undefined;
  let logs: LogCapture | undefined;
  beforeAll(async () => {
    logs = captureLogs();
    location = newStoreLocation(kind);
    const open311Keys = join(location.dataDir, 'open311-keys.json');
    writeFileSync(open311Keys, JSON.stringify([{ key: OPEN311_KEY, client: 'fuzz' }]));
    api = await startTestApp(location, { LOG_LEVEL: 'debug', OPEN311_KEYS_FILE: open311Keys });
    server = api.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    current = { port, store: api.app.get<EventStoreAdapter>(EVENT_STORE), logs, routes: servedRoutes(api) };
  });
  afterAll(async () => {
    await api?.close();
    logs?.restore();
    await removeStoreLocation(location);
  });
  return () => {
    if (!current) throw new Error('the fuzz app is used outside a test');
    return current;
  };
}
