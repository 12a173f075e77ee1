/** How the live feed treats its clients. */
export interface LiveFeedOptions {
  /** A comment line this often keeps proxies and browsers from closing a quiet stream. */
  readonly heartbeatMs: number;
  /** A client whose unsent data passes this many bytes reads too slowly: it is disconnected, never buffered without bound. */
  readonly maxBufferedBytes: number;
  /** Issues whose state the feed keeps in memory to give each event's status without re-reading the stream. */
  readonly statusCacheSize: number;
}

export const DEFAULT_LIVE_FEED_OPTIONS: LiveFeedOptions = {
  heartbeatMs: 15_000,
  maxBufferedBytes: 1024 * 1024,
  statusCacheSize: 1_000,
};

export const LIVE_FEED_OPTIONS = Symbol('LiveFeedOptions');
