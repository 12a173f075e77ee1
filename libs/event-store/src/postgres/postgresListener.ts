import { Client } from 'pg';
import type { AppendSignal } from '../appendSignal';

/**
 * LISTENs for the store's append notifications (sent by every appending transaction at commit,
 * from any process) and passes them on to the local signal. If the connection drops it
 * reconnects; meanwhile subscribers fall back to polling, so nothing is missed, only later.
 */
export class PostgresListener {
  private client: Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly signal: AppendSignal,
    private readonly retryMs: number,
  ) {}

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', () => this.signal.notify());
    client.on('error', () => this.reconnectLater(client));
    client.on('end', () => this.reconnectLater(client));
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
    // Anything appended while we were not listening is found by the subscribers' next read.
    this.signal.notify();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private reconnectLater(client: Client): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.retry = setTimeout(() => this.start().catch(() => this.scheduleAgain()), this.retryMs);
  }

  private scheduleAgain(): void {
    if (this.closed) return;
    this.retry = setTimeout(() => this.start().catch(() => this.scheduleAgain()), this.retryMs);
  }
}
