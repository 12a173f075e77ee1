import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import type { HostOptions, ProjectionHost, ProjectionInfo } from '@app/projections';
import { PROJECTION_HOST } from '../store/tokens';
import { AppMetrics } from './appMetrics';

/** The runner hooks of the ProjectionHost options, feeding this app's counters. */
export function projectionRunnerHooks(metrics: AppMetrics): Pick<HostOptions, 'onPage' | 'onReadError'> {
  return {
    onPage: (projection, events) => metrics.projectionEventsApplied.inc({ projection }, events),
    onReadError: (projection) => metrics.subscriptionReadErrors.inc({ projection }),
  };
}

/**
 * Each projection's lag and position, read on scrape from wherever its runner runs (the same
 * answer as GET /projections), so the gauges are never older than the scrape.
 */
@Injectable()
export class ProjectionMetrics {
  private readonly logger = new Logger('Metrics');
  /** One describe() serves both gauges of a scrape. */
  private inFlight: Promise<ProjectionInfo[] | null> | undefined;

  constructor(metrics: AppMetrics, @Inject(PROJECTION_HOST) private readonly host: ProjectionHost) {
    // Every projection's counters exist from the start, at 0: a series that appears only on the
    // first error cannot be told apart from one that was never scraped.
    for (const { name } of host.projections) {
      metrics.projectionEventsApplied.inc({ projection: name }, 0);
      metrics.subscriptionReadErrors.inc({ projection: name }, 0);
    }
    const describe = () => this.describeOnce();
    new Gauge({
      name: 'projection_lag_events',
      help: 'Events in the store that a projection has yet to apply',
      labelNames: ['projection'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const info of (await describe()) ?? []) this.set({ projection: info.name }, info.lag);
      },
    });
    new Gauge({
      name: 'projection_position',
      help: "Global position of the last event a projection's readable tables have applied",
      labelNames: ['projection'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const info of (await describe()) ?? []) this.set({ projection: info.name }, info.position);
      },
    });
  }

  /** A read-model database that cannot answer leaves the gauges empty rather than failing the scrape. */
  private describeOnce(): Promise<ProjectionInfo[] | null> {
    this.inFlight ??= this.host
      .describe()
      .catch((error: unknown) => {
        this.logger.warn(`projection gauges left empty: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      })
      .finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }
}
