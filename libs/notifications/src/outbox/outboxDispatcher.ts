import type { Clock } from '@app/event-store';
import { ProjectionLease, type ReadModelDb, type RunnerLog } from '@app/projections';
import type { Mailer } from './mailer';
import type { MessageComposer } from './composeMessage';
import { type NotificationRecord, type Notification, toNotification } from './notificationRow';

/** The dispatcher's lease: one process sends at a time, wherever projections run. */
export const DISPATCHER_LEASE = 'outbox-dispatcher';
/** A refused or unanswered email waits 1 s, 2 s, 4 s... before its next try, never more than this. */
export const MAX_RETRY_DELAY_MS = 30_000;

export interface DispatcherOptions {
  readonly db: ReadModelDb;
  readonly clock: Clock;
  readonly composer: Pick<MessageComposer, 'compose'>;
  /** Null: SMTP_URL is not set, emails wait in the outbox. */
  readonly mailer: Mailer | null;
  /** For Message-IDs: `<notification id@mailDomain>`. */
  readonly mailDomain: string;
  readonly holder: string;
  readonly pollMs?: number;
  readonly batchSize?: number;
  readonly leaseMs?: number;
  readonly log?: RunnerLog;
}

export const retryDelayMs = (attempts: number): number => Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the outbox's pending emails, oldest first, a batch at a time, while it holds the lease.
 * Each email is marked sent as soon as the server accepts it, so a crash (even kill -9) between
 * the two resends at most the one in flight, with the same Message-ID, and loses none.
 * Letters and calls wait for staff (POST /notifications/:id/done); they are never sent here.
 */
export class OutboxDispatcher {
  private readonly lease: ProjectionLease;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private leading = false;

  constructor(private readonly options: DispatcherOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.batchSize = options.batchSize ?? 20;
    this.lease = new ProjectionLease(options.db, DISPATCHER_LEASE, options.holder, options.clock, options.leaseMs ?? 10_000);
  }

  get isLeading(): boolean {
    return this.leading;
  }

  get sendsEmail(): boolean {
    return this.options.mailer !== null;
  }

  start(): void {
    if (!this.options.mailer) return;
    this.loop ??= this.run();
  }

  /** Look at the outbox now (a new notification may be waiting). */
  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.poke();
    await this.loop;
    if (this.leading) await this.lease.release().catch(() => undefined);
    this.leading = false;
    this.options.mailer?.close();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        this.leading = await this.lease.acquire();
        if (this.leading) await this.sendDue();
      } catch (error) {
        this.options.log?.error(`outbox dispatcher: ${error instanceof Error ? error.message : String(error)}`);
      }
      await this.sleep(this.pollMs);
    }
  }

  /** Sends what is due now, batch after batch, until nothing is due or the lease is lost. */
  private async sendDue(): Promise<void> {
    while (!this.stopped) {
      const due = await this.dueEmails();
      if (due.length === 0) return;
      for (const notification of due) {
        if (this.stopped) return;
        await this.sendOne(notification);
      }
      if (!(await this.lease.acquire())) return;
    }
  }

  private async dueEmails(): Promise<Notification[]> {
    const rows = await this.options.db.all<NotificationRecord>(
      `SELECT * FROM notifications WHERE status = 'pending' AND channel = 'email' AND next_attempt_at <= $1
       ORDER BY created_at, id LIMIT $2`,
      [this.options.clock.now().getTime(), this.batchSize],
    );
    return rows.map(toNotification);
  }

  private async sendOne(notification: Notification): Promise<void> {
    const mailer = this.options.mailer as Mailer;
    const composed = await this.options.composer.compose(notification);
    if (!composed.resident || !composed.resident.email) {
      // Erased since it was owed (or the address is gone): it must not go.
      await this.settle(notification, "UPDATE notifications SET status = 'cancelled', last_error = NULL WHERE id = $1 AND status = 'pending'", []);
      return;
    }
    const outcome = await mailer.send({
      to: composed.resident.email,
      ...composed.message,
      messageId: `<${notification.id}@${this.options.mailDomain}>`,
      language: notification.language,
    });
    const attempts = notification.attempts + 1;
    const now = this.options.clock.now();
    if (outcome.kind === 'sent') {
      await this.settle(notification, "UPDATE notifications SET status = 'sent', attempts = $2, sent_at = $3, last_error = NULL WHERE id = $1 AND status = 'pending'", [
        attempts,
        now.toISOString(),
      ]);
    } else if (outcome.kind === 'refused') {
      this.options.log?.warn(`outbox: email ${notification.id} refused for good: ${outcome.error}`);
      await this.settle(notification, "UPDATE notifications SET status = 'failed', attempts = $2, last_error = $3 WHERE id = $1 AND status = 'pending'", [
        attempts,
        outcome.error,
      ]);
    } else {
      this.options.log?.warn(`outbox: email ${notification.id} not sent (try ${attempts}), trying again: ${outcome.error}`);
      await this.settle(notification, 'UPDATE notifications SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1 AND status = \'pending\'', [
        attempts,
        now.getTime() + retryDelayMs(attempts),
        outcome.error,
      ]);
    }
  }

  private async settle(notification: Notification, sql: string, params: (string | number)[]): Promise<void> {
    await this.options.db.run(sql, [notification.id, ...params]);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
