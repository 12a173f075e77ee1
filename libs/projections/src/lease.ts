import type { Clock } from '@app/event-store';
import type { ReadModelDb } from './db/readModelDb';

/**
 * Which runner may run a projection: the holder of its lease, renewed while it runs. A runner
 * that dies stops renewing, and a standby takes the lease once it has expired. The lease only
 * decides who works; the checkpoint's compare-and-set (ProjectionRunner) is what guarantees
 * that two runners who both believe they hold it can never both apply a page.
 */
export class ProjectionLease {
  constructor(
    private readonly db: ReadModelDb,
    private readonly name: string,
    private readonly holder: string,
    private readonly clock: Clock,
    private readonly leaseMs: number,
  ) {}

  /** Takes or renews the lease; false while another live runner holds it. */
  async acquire(): Promise<boolean> {
    const now = this.clock.now().getTime();
    return this.db.transaction(async (tx) => {
      await tx.run('INSERT INTO projection_control (name, holder, lease_expires_at) VALUES ($1, NULL, 0) ON CONFLICT (name) DO NOTHING', [this.name]);
      const taken = await tx.run(
        `UPDATE projection_control SET holder = $2, lease_expires_at = $3
         WHERE name = $1 AND (holder = $2 OR holder IS NULL OR lease_expires_at < $4)`,
        [this.name, this.holder, now + this.leaseMs, now],
      );
      return taken === 1;
    });
  }

  async release(): Promise<void> {
    await this.db.run('UPDATE projection_control SET holder = NULL, lease_expires_at = 0 WHERE name = $1 AND holder = $2', [this.name, this.holder]);
  }
}
