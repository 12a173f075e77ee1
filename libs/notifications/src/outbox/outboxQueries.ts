import type { SqlExecutor } from '@app/projections';
import { type Notification, type NotificationChannel, type NotificationRecord, type NotificationStatus, toNotification } from './notificationRow';

/** An issue's messages to its resident, oldest first. */
export async function notificationsOfIssue(db: SqlExecutor, issueId: string): Promise<Notification[]> {
  const rows = await db.all<NotificationRecord>('SELECT * FROM notifications WHERE issue_id = $1 ORDER BY created_at, id', [issueId]);
  return rows.map(toNotification);
}

export async function notificationById(db: SqlExecutor, id: string): Promise<Notification | null> {
  const [row] = await db.all<NotificationRecord>('SELECT * FROM notifications WHERE id = $1', [id]);
  return row ? toNotification(row) : null;
}

export interface NotificationFilter {
  readonly channel?: NotificationChannel;
  readonly status?: NotificationStatus;
  /** Only these areas (null: every area). */
  readonly areas: readonly string[] | null;
  readonly limit?: number;
}

/** Notifications across issues (the print queue, the call list), oldest first. */
export async function findNotifications(db: SqlExecutor, filter: NotificationFilter): Promise<Notification[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const param = (value: string | number) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.channel) where.push(`channel = ${param(filter.channel)}`);
  if (filter.status) where.push(`status = ${param(filter.status)}`);
  if (filter.areas !== null) {
    if (filter.areas.length === 0) return [];
    where.push(`area_id IN (${filter.areas.map((area) => param(area)).join(', ')})`);
  }
  const rows = await db.all<NotificationRecord>(
    `SELECT * FROM notifications${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id LIMIT ${param(filter.limit ?? 500)}`,
    params,
  );
  return rows.map(toNotification);
}

/**
 * Staff posted the letter or made the call: done. Only a pending letter or call can be; answers
 * the notification as it is after (unchanged when it could not be marked).
 */
export async function markDone(db: SqlExecutor, id: string, by: string, at: Date): Promise<Notification | null> {
  await db.run("UPDATE notifications SET status = 'done', done_at = $2, done_by = $3 WHERE id = $1 AND status = 'pending' AND channel IN ('letter', 'phone')", [
    id,
    at.toISOString(),
    by,
  ]);
  return notificationById(db, id);
}

/** How many emails wait, for /health. */
export async function pendingEmails(db: SqlExecutor): Promise<number> {
  const [row] = await db.all<{ count: number | string }>("SELECT COUNT(*) AS count FROM notifications WHERE status = 'pending' AND channel = 'email'");
  return Number(row?.count ?? 0);
}
