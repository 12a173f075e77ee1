import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The app's Prometheus instruments, on a registry of its own rather than prom-client's global
 * one: several apps may run in one process (tests), and each must count only its own work.
 */
@Injectable()
export class AppMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code (a live feed counts until it closes)',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'events_appended_total',
    help: 'Events this process appended to the event store',
    registers: [this.registry],
  });

  readonly projectionEventsApplied = new Counter({
    name: 'projection_events_applied_total',
    help: "Events read and applied by this process's projection runners (every event of each page, handled or not)",
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly subscriptionReadErrors = new Counter({
    name: 'subscription_read_errors_total',
    help: "Failed reads of the event store by this process's projection runners (each is retried with back-off)",
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly storeSubscriptions = new Gauge({
    name: 'event_store_subscriptions_active',
    help: 'Live subscriptions this process holds on the event store (projection runners and live-feed clients)',
    registers: [this.registry],
  });

  readonly liveFeedClients = new Gauge({
    name: 'live_feed_clients',
    help: 'Clients connected to GET /events/stream',
    registers: [this.registry],
  });

  readonly liveFeedDropped = new Counter({
    name: 'live_feed_clients_dropped_total',
    help: 'Live-feed clients disconnected because they read too slowly (their unsent data passed the limit)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
