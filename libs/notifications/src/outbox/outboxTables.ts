import type { ReadModelDb } from '@app/projections';

/**
 * The outbox: one row per message owed to a resident, kept beside the read models but never
 * rebuilt with them (a rebuild must not forget what was sent). Rows are written by the outbox
 * projection in the transaction that moves its checkpoint, and moved on by the dispatcher
 * (sent, failed) or by staff (done: a letter posted, a call made).
 */
const OUTBOX_SCHEMA = `
CREATE TABLE IF NOT EXISTS notifications (
  id              TEXT PRIMARY KEY,
  issue_id        TEXT NOT NULL,
  reference       TEXT NOT NULL,
  area_id         TEXT NOT NULL,
  event_type      TEXT NOT NULL,
  event_version   INTEGER NOT NULL,
  channel         TEXT NOT NULL,
  language        TEXT NOT NULL,
  status          TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  done_at         TEXT,
  done_by         TEXT,
  last_error      TEXT
);
CREATE INDEX IF NOT EXISTS notifications_by_issue ON notifications (issue_id, created_at);
CREATE INDEX IF NOT EXISTS notifications_due ON notifications (status, channel, next_attempt_at);
CREATE TABLE IF NOT EXISTS outbox_meta (
  id    INTEGER PRIMARY KEY,
  epoch TEXT NOT NULL
);
`;

// Any fixed number: serialises the creation of the outbox between processes starting together.
const OUTBOX_SCHEMA_LOCK = 727_313;

/**
 * Creates the outbox's tables if missing and answers its epoch: when it first existed. Events
 * recorded before then tell no one (a council turning this on does not write to every resident
 * of its history).
 */
export async function ensureOutboxTables(db: ReadModelDb, now: Date): Promise<string> {
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock($1)', [OUTBOX_SCHEMA_LOCK]);
    await tx.exec(OUTBOX_SCHEMA);
    await tx.run('INSERT INTO outbox_meta (id, epoch) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [now.toISOString()]);
    const [row] = await tx.all<{ epoch: string }>('SELECT epoch FROM outbox_meta WHERE id = 1');
    return row.epoch;
  });
}
