import { randomUUID } from 'node:crypto';
import type { Clock, EventStore } from '@app/event-store';
import { londonDay } from '@app/lifecycle';
import type { SqlExecutor } from '@app/projections';
import type { ServiceLevelRegistry } from '@app/service-levels';
import { CheckedIssues } from './checkedIssues';
import { type DueCursor, dueIssues, isIssuesTableMissing } from './dueIssues';
import { recordMissedDeadlines } from './recordMissedDeadlines';

export interface SchedulerLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface DeadlineSchedulerOptions {
  readonly store: Pick<EventStore, 'readStream' | 'append'>;
  /** The read models' database: its `issues` table says which issues may be due. */
  readonly db: SqlExecutor;
  readonly registry: ServiceLevelRegistry;
  readonly clock: Clock;
  /** Between the end of one tick and the start of the next. */
  readonly intervalMs: number;
  /** Issues read from their streams in one tick, at most (default 200). */
  readonly batchSize?: number;
  /** Reads and decisions per issue when other appends keep landing first (default 5). */
  readonly maxAttempts?: number;
  readonly log?: SchedulerLog;
}

/** What one tick did. */
export interface TickReport {
  /** Issues whose streams were read and judged. */
  readonly checked: number;
  /** Deadlines recorded as missed (a DeadlineMissed and an IssueEscalated each). */
  readonly recorded: number;
  /** Issues that failed (logged); they are tried again next tick. */
  readonly failed: number;
}

/** How the scheduler is doing, for GET /health. */
export interface SchedulerHealth {
  readonly running: boolean;
  readonly lastTickAt: string | null;
  /** The last tick's failure, or one issue's, with its issue id; null once a tick goes cleanly. */
  readonly lastError: string | null;
  readonly recordedSinceStart: number;
}

const silent: SchedulerLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Records each deadline that passes unmet, once, whatever restarts or how many processes run
 * it: the read model says which issues may be due, each issue's stream decides, and the store's
 * version check and unique keys keep a second scheduler from recording the same deadline.
 */
export class DeadlineScheduler {
  private readonly checked = new CheckedIssues();
  private readonly batchSize: number;
  private readonly log: SchedulerLog;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private started = false;
  private lastTickAt: string | null = null;
  private lastError: string | null = null;
  private recordedSinceStart = 0;

  constructor(private readonly options: DeadlineSchedulerOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.log = options.log ?? silent;
  }

  /** Ticks now (after downtime, what fell due meanwhile is recorded, oldest first), then every interval. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.loop();
  }

  /** No further ticks; resolves once a tick under way has finished. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  health(): SchedulerHealth {
    return { running: this.started, lastTickAt: this.lastTickAt, lastError: this.lastError, recordedSinceStart: this.recordedSinceStart };
  }

  /** One pass: records what is owed on up to a batch of due issues, oldest due first. */
  async tick(): Promise<TickReport> {
    const today = londonDay(this.options.clock.now());
    const correlationId = randomUUID();
    let report: TickReport = { checked: 0, recorded: 0, failed: 0 };
    let issueError: string | null = null;
    let after: DueCursor = null;
    while (report.checked < this.batchSize) {
      const page = await dueIssues(this.options.db, today, after, this.batchSize);
      for (const row of page) {
        if (report.checked >= this.batchSize) break;
        after = row;
        if (this.checked.isSettled(row.issueId, row.version, today)) continue;
        try {
          const outcome = await recordMissedDeadlines({ ...this.options, maxAttempts: this.options.maxAttempts ?? 5 }, row.issueId, correlationId);
          this.checked.note(row.issueId, outcome.version, today);
          report = { ...report, checked: report.checked + 1, recorded: report.recorded + outcome.recorded };
        } catch (error) {
          // One issue's trouble (an unknown policy version, a busy store) never stops the others.
          this.checked.forget(row.issueId);
          issueError = `issue ${row.issueId}: ${messageOf(error)}`;
          this.log.error(`deadline scheduler: ${issueError}`);
          report = { ...report, checked: report.checked + 1, failed: report.failed + 1 };
        }
      }
      if (page.length < this.batchSize) break;
    }
    this.recordedSinceStart += report.recorded;
    this.lastTickAt = this.options.clock.now().toISOString();
    this.lastError = issueError;
    if (report.recorded > 0) this.log.info(`deadline scheduler: recorded ${report.recorded} missed deadline(s)`);
    return report;
  }

  private loop(): void {
    const tick = this.tick().then(
      (report) => report.checked >= this.batchSize,
      (error: unknown) => {
        if (isIssuesTableMissing(error)) {
          this.log.warn('deadline scheduler: waiting for the issues read model to be built');
          return false;
        }
        this.lastError = messageOf(error);
        this.log.error(`deadline scheduler: the tick failed: ${this.lastError}`);
        return false;
      },
    );
    this.running = tick;
    void tick.then((more) => {
      this.running = undefined;
      // A full batch means more may be due (after downtime): go on at once, not an interval later.
      if (this.started) this.timer = setTimeout(() => this.loop(), more ? 0 : this.options.intervalMs);
    });
  }
}
