import { join, resolve } from 'node:path';
import { type Area, loadAreas } from './areas';
import { loadOpen311Keys, type Open311Key } from './open311Keys';
import { parseByteSize } from './byteSize';
import { parseCorsOrigins, parseTrustProxy } from '../http/securitySettings';

export type StoreKind = 'sqlite' | 'postgres' | 'eventstoredb';

/** Every setting of the API (shared/contract/API.md, "Settings"), read once at start-up. */
export interface Settings {
  readonly port: number;
  readonly eventStore: StoreKind;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** The PostgreSQL schema holding the store's tables (default public). */
  readonly databaseSchema: string;
  readonly eventstoreUrl?: string;
  /** EVENTSTORE_TIMEOUT_MS (default 10000): how long a call to EventStoreDB may take before it is given up. */
  readonly eventstoreTimeoutMs: number;
  readonly jwtSecret: string;
  readonly jwtSecretIsDevDefault: boolean;
  readonly areas: readonly Area[];
  readonly intakeRateLimit: number;
  readonly logLevel: string;
  /** Whether this process runs the projections (PROJECTIONS=on) or leaves them to projector processes. */
  readonly projections: boolean;
  /** How long a projection's lease lasts unrenewed: a standby takes over this long after its holder dies. */
  readonly projectionLeaseMs: number;
  /** Events per page while following live: each page is applied, with its checkpoint, in one transaction. */
  readonly projectionPageSize: number;
  /** AUDIT_SIGNING_KEY: an Ed25519 private key (PEM file) for anchors; else one generated into DATA_DIR. */
  readonly auditSigningKeyFile?: string;
  /** IDEMPOTENCY_TTL_HOURS (default 24): a stored idempotent response is deleted, and never replayed, after this long. */
  readonly idempotencyTtlHours: number;
  /** IMPORT_BODY_LIMIT: the largest POST /admin/import body (bytes); every other route has BODY_LIMIT. */
  readonly importBodyLimitBytes: number;
  /** BODY_LIMIT (default 100kb): the largest JSON or form body of any other route (bytes); beyond it, 413. */
  readonly bodyLimitBytes: number;
  /** OPEN311_KEYS_FILE: the Open311 clients allowed to post, by API key; none, posting refused. */
  readonly open311Keys: readonly Open311Key[];
  /** CORS_ORIGINS: browser origins allowed to call the API cross-origin (`*` for any); empty: none. */
  readonly corsOrigins: readonly string[];
  /** TRUST_PROXY: reverse proxies in front of the API whose X-Forwarded-For is believed; 0: off. */
  readonly trustProxyHops: number;
  /** SERVICE_LEVELS_FILE: the service-level policy (working-day targets, calendar region); none: the bundled config/service-levels.json. */
  readonly serviceLevelsFile?: string;
  /** SCHEDULER (default on): whether this process records missed deadlines (the API only when it runs the projections). */
  readonly scheduler: boolean;
  /** SCHEDULER_INTERVAL_MS (default 10000): how often the scheduler looks for deadlines that have passed. */
  readonly schedulerIntervalMs: number;
  /** SMTP_URL: the SMTP server residents' emails go through; none: they wait in the outbox (GET /health says so). */
  readonly smtpUrl?: string;
  /** MAIL_FROM: the sender of residents' emails. */
  readonly mailFrom: string;
  /** PUBLIC_BASE_URL: where links in messages point (the tracker, confirm, dispute); default http://localhost:$PORT. */
  readonly publicBaseUrl: string;
  /** TEMPLATES_DIR: the council's copy of the message templates; none: the bundled templates/notifications. */
  readonly templatesDir?: string;
  /** OUTBOX_POLL_MS (default 1000): how often the dispatcher looks for emails to send. */
  readonly outboxPollMs: number;
}

/** Signs local tokens only: start-up warns loudly whenever it is in use. */
export const DEV_JWT_SECRET = 'dev-only-secret-change-me';

const STORES: readonly StoreKind[] = ['sqlite', 'postgres', 'eventstoredb'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the environment; every problem is reported at once, and the app does not start. */
export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} must be an integer from ${min} to ${max}, got ${raw}`);
    return value;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const intakeRateLimit = integer('INTAKE_RATE_LIMIT', 30, 1, 1_000_000);
  // Runners renew their leases every 500 ms: a shorter lease would lapse between renewals.
  const projectionLeaseMs = integer('PROJECTION_LEASE_MS', 5_000, 1_000, 600_000);
  const projectionPageSize = integer('PROJECTION_PAGE_SIZE', 1_000, 1, 10_000);
  const idempotencyTtlHours = integer('IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 366);
  const schedulerIntervalMs = integer('SCHEDULER_INTERVAL_MS', 10_000, 50, 60_000);
  const eventstoreTimeoutMs = integer('EVENTSTORE_TIMEOUT_MS', 10_000, 100, 600_000);
  const outboxPollMs = integer('OUTBOX_POLL_MS', 1_000, 50, 30_000);
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]/i.test(smtpUrl)) problems.push(`SMTP_URL must be an smtp:// or smtps:// URL, got ${smtpUrl}`);
  const publicBaseUrl = env.PUBLIC_BASE_URL || `http://localhost:${port}`;
  if (!/^https?:\/\/[^/]/i.test(publicBaseUrl)) problems.push(`PUBLIC_BASE_URL must be an http:// or https:// URL, got ${publicBaseUrl}`);
  const scheduler = (env.SCHEDULER || 'on').toLowerCase();
  if (!['on', 'off'].includes(scheduler)) problems.push(`SCHEDULER must be on or off, got ${env.SCHEDULER}`);
  const eventStore = (env.EVENT_STORE || 'sqlite') as StoreKind;
  if (!STORES.includes(eventStore)) problems.push(`EVENT_STORE must be one of ${STORES.join(', ')}, got ${env.EVENT_STORE}`);
  if (eventStore === 'postgres' && !env.DATABASE_URL) problems.push('DATABASE_URL is required when EVENT_STORE=postgres');
  if (eventStore === 'eventstoredb' && !env.EVENTSTORE_URL) problems.push('EVENTSTORE_URL is required when EVENT_STORE=eventstoredb');
  const projections = (env.PROJECTIONS || 'on').toLowerCase();
  if (!['on', 'off'].includes(projections)) problems.push(`PROJECTIONS must be on or off, got ${env.PROJECTIONS}`);
  if (projections === 'off' && eventStore === 'sqlite') {
    problems.push('PROJECTIONS=off needs a shared store (EVENT_STORE=postgres): on SQLite the API runs the projections itself');
  }
  const logLevel = env.LOG_LEVEL || 'info';
  const importBodyLimitBytes = parseByteSize(env.IMPORT_BODY_LIMIT || '50mb');
  if (importBodyLimitBytes === undefined) problems.push(`IMPORT_BODY_LIMIT must be a size such as 50mb, 512kb or 1048576, got ${env.IMPORT_BODY_LIMIT}`);
  const bodyLimitBytes = parseByteSize(env.BODY_LIMIT || '100kb');
  if (bodyLimitBytes === undefined) problems.push(`BODY_LIMIT must be a size such as 100kb, 1mb or 102400, got ${env.BODY_LIMIT}`);
  const corsOrigins = parseCorsOrigins(env.CORS_ORIGINS, problems);
  const trustProxyHops = parseTrustProxy(env.TRUST_PROXY, problems);
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  let areas: Area[] = [];
  try {
    areas = loadAreas(env.AREAS_FILE || undefined);
  } catch (error) {
    problems.push((error as Error).message);
  }
  let open311Keys: Open311Key[] = [];
  try {
    open311Keys = loadOpen311Keys(env.OPEN311_KEYS_FILE || undefined);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new Error(`Invalid settings:\n- ${problems.join('\n- ')}`);

  return {
    port,
    eventStore,
    dataDir: resolve(env.DATA_DIR || join('.', 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || 'public',
    eventstoreUrl: env.EVENTSTORE_URL || undefined,
    eventstoreTimeoutMs,
    jwtSecret: env.JWT_SECRET || DEV_JWT_SECRET,
    jwtSecretIsDevDefault: !env.JWT_SECRET,
    areas,
    intakeRateLimit,
    logLevel,
    projections: projections !== 'off',
    projectionLeaseMs,
    projectionPageSize,
    auditSigningKeyFile: env.AUDIT_SIGNING_KEY || undefined,
    idempotencyTtlHours,
    importBodyLimitBytes: importBodyLimitBytes!,
    bodyLimitBytes: bodyLimitBytes!,
    open311Keys,
    corsOrigins,
    trustProxyHops,
    serviceLevelsFile: env.SERVICE_LEVELS_FILE ? resolve(env.SERVICE_LEVELS_FILE) : undefined,
    scheduler: scheduler !== 'off',
    schedulerIntervalMs,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Issues of concern <noreply@localhost>',
    publicBaseUrl: publicBaseUrl.replace(/\/+$/, ''),
    templatesDir: env.TEMPLATES_DIR ? resolve(env.TEMPLATES_DIR) : undefined,
    outboxPollMs,
  };
}
