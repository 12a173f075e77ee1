import type { Response } from 'express';
import type { Checkpoint, EventStore, GlobalEvent, Subscription } from '@app/event-store';
import type { LiveMessage } from './liveMessage';
import type { LiveFeedOptions } from './liveFeedOptions';

export interface LiveClientSource {
  readonly store: Pick<EventStore, 'subscribe'>;
  /** Deliver events after this checkpoint. */
  readonly after: Checkpoint | null;
  /** What this client is told of an event; null: nothing (not its area). */
  readonly messageFor: (event: GlobalEvent) => Promise<LiveMessage | null>;
}

export type CloseReason = 'disconnected' | 'too-slow' | 'store-failed' | 'shutdown';

/**
 * One connected client of GET /events/stream: its own store subscription, written straight to
 * the response. Back-pressure is the response's own buffer: once the data the client has not
 * taken passes the limit, it is disconnected (EventSource reconnects with Last-Event-ID, from
 * where it really got to) rather than buffered without bound. Whatever ends the stream stops the
 * subscription.
 */
export class LiveClient {
  private readonly subscription: Subscription;
  private readonly heartbeat: NodeJS.Timeout;
  private closing: Promise<void> | undefined;
  /** Why the stream ended; set once. */
  reason: CloseReason | undefined;

  constructor(
    private readonly response: Response,
    source: LiveClientSource,
    private readonly options: Pick<LiveFeedOptions, 'heartbeatMs' | 'maxBufferedBytes'>,
    private readonly onClosed: (client: LiveClient) => void,
  ) {
    response.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
    response.flushHeaders();
    response.once('close', () => void this.close('disconnected'));
    this.heartbeat = setInterval(() => this.send(': keep-alive\n\n'), options.heartbeatMs);
    this.subscription = source.store.subscribe(
      async (event) => {
        const message = await source.messageFor(event);
        if (message) this.send(`id: ${event.checkpoint}\ndata: ${JSON.stringify(message)}\n\n`);
      },
      { after: source.after, onError: () => void this.close('store-failed') },
    );
    // The client may have gone while the feed was being set up, before 'close' was listened for.
    if (response.destroyed || !response.socket || response.socket.destroyed) void this.close('disconnected');
  }

  /** Ends the stream and stops the subscription; resolves once the subscription has stopped. */
  close(reason: CloseReason): Promise<void> {
    this.closing ??= this.stop(reason);
    return this.closing;
  }

  private send(text: string): void {
    if (this.closing || this.response.destroyed) return;
    this.response.write(text);
    if (this.response.writableLength > this.options.maxBufferedBytes) void this.close('too-slow');
  }

  private async stop(reason: CloseReason): Promise<void> {
    this.reason = reason;
    clearInterval(this.heartbeat);
    // A slow client's unsent data is thrown away with its connection; otherwise the stream ends cleanly.
    if (reason === 'too-slow' || this.response.writableLength > 0) this.response.destroy();
    else if (!this.response.destroyed && !this.response.writableEnded) this.response.end();
    await this.subscription.stop();
    this.onClosed(this);
  }
}
