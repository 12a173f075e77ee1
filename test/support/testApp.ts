import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Clock } from '@app/event-store';
import { dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import type { Role } from '@app/lifecycle';
import { createApp } from '../../apps/api/src/app.factory';
import { loadSettings } from '../../apps/api/src/config/settings';
import { mintToken } from '../../apps/api/src/auth/token';

export type StoreKind = 'sqlite' | 'postgres';
export const JWT_SECRET = 'e2e-secret';

/** The stores every end-to-end suite runs on: PostgreSQL only when TEST_DATABASE_URL is set. */
export const STORES: StoreKind[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
if (!TEST_DATABASE_URL) {
  if (process.env.CI === 'true') throw new Error('CI must run the end-to-end tests on PostgreSQL too: set TEST_DATABASE_URL');
  console.warn('SKIPPED the PostgreSQL runs of the end-to-end tests: set TEST_DATABASE_URL to run them');
}

/** Where a test app keeps its events; reuse it to restart an app on the same data. */
export interface StoreLocation {
  readonly kind: StoreKind;
  readonly dataDir: string;
  readonly schema: string;
}

export function newStoreLocation(kind: StoreKind): StoreLocation {
  return { kind, dataDir: mkdtempSync(join(tmpdir(), 'issues-e2e-')), schema: scratchSchemaName('e2e') };
}

export async function removeStoreLocation(location: StoreLocation): Promise<void> {
  rmSync(location.dataDir, { recursive: true, force: true });
  if (location.kind === 'postgres') await dropSchema(location.schema);
}

/** The environment the API reads, for a given store location. */
export function envFor(location: StoreLocation, extra: Record<string, string> = {}): Record<string, string> {
  return {
    EVENT_STORE: location.kind,
    DATA_DIR: location.dataDir,
    ...(location.kind === 'postgres' && { DATABASE_URL: TEST_DATABASE_URL!, DATABASE_SCHEMA: location.schema }),
    JWT_SECRET,
    INTAKE_RATE_LIMIT: '100000',
    LOG_LEVEL: 'silent',
    // Suites backdate histories freely: the deadline scheduler runs only where a test asks for it.
    SCHEDULER: 'off',
    ...extra,
  };
}

export interface TestApp {
  readonly app: INestApplication;
  readonly http: TestAgent;
  close(): Promise<void>;
}

/** The real Nest app, in process, on the given store. */
export async function startTestApp(location: StoreLocation, extraEnv: Record<string, string> = {}, clock?: Clock): Promise<TestApp> {
  const app = await createApp(loadSettings(envFor(location, extraEnv)), { clock });
  await app.init();
  return { app, http: request(app.getHttpServer()), close: () => app.close() };
}

/** A bearer header for a member of staff. */
export function bearer(role: Role, areas: string[] = ['trowbridge'], sub = `${role}-e2e`): string {
  return `Bearer ${mintToken(JWT_SECRET, { sub, name: `E2E ${role}`, role, areas })}`;
}

/** The app on a fresh store for the enclosing suite: started before its tests, removed after. */
export function useTestApp(kind: StoreKind, extraEnv: Record<string, string> = {}): TestApp {
  let location: StoreLocation;
  let current: TestApp | undefined;
  beforeAll(async () => {
    location = newStoreLocation(kind);
    current = await startTestApp(location, extraEnv);
  });
  afterAll(async () => {
    await current?.close();
    await removeStoreLocation(location);
  });
  const started = () => {
    if (!current) throw new Error('the test app is used outside a test');
    return current;
  };
  return {
    get app() {
      return started().app;
    },
    get http() {
      return started().http;
    },
    close: () => started().close(),
  };
}
