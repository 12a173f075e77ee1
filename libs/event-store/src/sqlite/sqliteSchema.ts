/**
 * The embedded store's tables. `streams` holds each stream's head (version and last hash);
 * the unique (stream_id, version) key on `events` is the last word on concurrency.
 */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS streams (
  stream_id        TEXT PRIMARY KEY,
  version          INTEGER NOT NULL,
  last_hash        TEXT,
  last_recorded_at TEXT,
  seal             TEXT
);
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        TEXT NOT NULL UNIQUE,
  stream_id       TEXT NOT NULL,
  version         INTEGER NOT NULL,
  type            TEXT NOT NULL,
  data            TEXT NOT NULL,
  metadata        TEXT NOT NULL,
  recorded_at     TEXT NOT NULL,
  prev_hash       TEXT,
  hash            TEXT NOT NULL,
  UNIQUE (stream_id, version)
);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope           TEXT NOT NULL,
  key             TEXT NOT NULL,
  request_hash    TEXT NOT NULL,
  claim_token     TEXT NOT NULL,
  claimed_at      TEXT NOT NULL,
  response_status INTEGER,
  response_body   TEXT,
  completed_at    TEXT,
  PRIMARY KEY (scope, key)
);
CREATE TABLE IF NOT EXISTS unique_keys (
  scope     TEXT NOT NULL,
  key       TEXT NOT NULL,
  stream_id TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE TABLE IF NOT EXISTS sequences (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
`;

/**
 * WAL with synchronous=FULL: every commit is fsynced to the WAL before the append returns,
 * so an acknowledged append survives kill -9 and power loss alike. secure_delete: a deleted
 * row (an erased resident's key, an expired idempotent response) is overwritten with zeros.
 */
export const SQLITE_PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'secure_delete = ON'];
