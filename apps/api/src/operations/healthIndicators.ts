import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@app/event-store';
import { pendingEmails } from '@app/notifications';
import type { ProjectionHost, ReadModelDb } from '@app/projections';
import type { Outbox } from '../notifications/openOutbox';
import { DeadlineSchedulerService } from '../read-side/deadlineScheduler.service';
import { EVENT_STORE, OUTBOX, PROJECTION_HOST, READ_MODELS } from '../store/tokens';

/** A dependency that does not answer within this long counts as down: a health check must answer. */
export const HEALTH_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What GET /health checks: the event store, the read models' database, and each projection. */
@Injectable()
export class HealthIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
    private readonly deadlineScheduler: DeadlineSchedulerService,
    @Inject(OUTBOX) private readonly outbox: Outbox,
  ) {}

  /**
   * The residents' emails: how many wait, and whether this process sends them. Without SMTP_URL
   * they wait in the outbox (`email: "waiting"`, said plainly): up all the same, since nothing is
   * lost, but an operator sees it here.
   */
  async notifications() {
    const check = this.indicators.check('notifications');
    try {
      const pending = await withTimeout(pendingEmails(this.db), 'the outbox');
      if (!this.outbox.dispatcher.sendsEmail) {
        return check.up({ email: 'waiting', message: 'SMTP_URL is not set: emails to residents wait in the outbox until it is', pendingEmails: pending });
      }
      return check.up({ email: 'sending', dispatching: this.outbox.dispatcher.isLeading, pendingEmails: pending });
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }

  /**
   * The deadline scheduler of this process: when it last ticked and its last error (one issue's
   * trouble is reported, not counted as down: the others are still recorded). `running: false`
   * where it does not run here (SCHEDULER=off, or PROJECTIONS=off: the projectors run it).
   */
  scheduler() {
    const check = this.indicators.check('scheduler');
    const health = this.deadlineScheduler.health();
    if (health === null) return check.up({ running: false });
    return check.up({ running: health.running, lastTickAt: health.lastTickAt, lastError: health.lastError });
  }

  async eventStore() {
    const check = this.indicators.check('eventStore');
    try {
      const head = await withTimeout(this.store.headCheckpoint(), 'the event store');
      return check.up({ headCheckpoint: head });
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }

  async readModels() {
    const check = this.indicators.check('readModels');
    try {
      await withTimeout(this.db.all('SELECT 1 AS ok'), "the read models' database");
      return check.up({ dialect: this.db.dialect });
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }

  /**
   * Down when any projection has failed (its error shown); catching up or rebuilding is healthy, with its lag.
   * Which process runs each is left to GET /projections (staff): this answer is public.
   */
  async projections() {
    const check = this.indicators.check('projections');
    try {
      const infos = await withTimeout(this.host.describe(), 'the projections');
      const byName = Object.fromEntries(
        infos.map(({ name, status, lag, position, error }) => [name, { status, lag, position, ...(error && { error }) }]),
      );
      return infos.some((info) => info.status === 'failed') ? check.down(byName) : check.up(byName);
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }
}
