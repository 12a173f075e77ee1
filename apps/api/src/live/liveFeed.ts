import { type BeforeApplicationShutdown, HttpException, Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import type { EventStore } from '@app/event-store';
import type { Actor } from '@app/lifecycle';
import { AppMetrics } from '../operations/appMetrics';
import { EVENT_STORE } from '../store/tokens';
import { IssueStatusCache } from './issueStatusCache';
import { LiveClient } from './liveClient';
import { LIVE_FEED_OPTIONS, type LiveFeedOptions } from './liveFeedOptions';
import { LiveMessages } from './liveMessage';
import { startCheckpoint } from './startCheckpoint';

/** GET /events/stream's clients: each opened from its Last-Event-ID, counted, and closed on shutdown. */
@Injectable()
export class LiveFeed implements BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveFeed');
  private readonly clients = new Set<LiveClient>();
  private readonly messages: LiveMessages;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LIVE_FEED_OPTIONS) private readonly options: LiveFeedOptions,
    private readonly metrics: AppMetrics,
  ) {
    this.messages = new LiveMessages(new IssueStatusCache(store, options.statusCacheSize), (message) => this.logger.warn(message));
  }

  /** Starts the stream on `response`; a bad Last-Event-ID throws (400) before anything is written. */
  async open(response: Response, actor: Actor, lastEventId: string | undefined): Promise<void> {
    const after = await startCheckpoint(this.store, lastEventId).catch((error: unknown) => {
      if (error instanceof HttpException) throw error;
      this.logger.error(`live feed: cannot read the event store: ${error instanceof Error ? error.message : String(error)}`);
      throw new ServiceUnavailableException('the event store cannot be read just now: retry shortly');
    });
    const client = new LiveClient(
      response,
      { store: this.store, after, messageFor: (event) => this.messages.forActor(event, actor) },
      this.options,
      (closed) => this.closed(closed),
    );
    this.clients.add(client);
    this.metrics.liveFeedClients.inc();
  }

  /** Before the store closes, and so that the HTTP server is not kept open by endless responses. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.clients].map((client) => client.close('shutdown')));
  }

  private closed(client: LiveClient): void {
    if (!this.clients.delete(client)) return;
    this.metrics.liveFeedClients.dec();
    if (client.reason === 'too-slow') {
      this.metrics.liveFeedDropped.inc();
      this.logger.warn(`a live-feed client read too slowly (over ${this.options.maxBufferedBytes} bytes unsent) and was disconnected`);
    }
  }
}
