export type BenchMode = 'quick' | 'full';

/** How long and how big each part runs: quick for CI (about a minute), full for the README. */
export interface ModeSettings {
  readonly mode: BenchMode;
  readonly appends: {
    readonly concurrencies: readonly number[];
    /** Untimed appends first, at each concurrency: connections opened, code warmed. */
    readonly warmup: number;
    /** A run stops at whichever comes first. */
    readonly maxAppends: number;
    readonly seconds: number;
  };
  readonly http: {
    readonly connections: number;
    readonly warmupSeconds: number;
    readonly seconds: number;
    /** The share of the measured maximum rate offered for the latency-at-load runs. */
    readonly loadShare: number;
  };
  readonly streamLoad: {
    /** Events in the store for each measurement: the load's cost must not grow with them. */
    readonly sizes: readonly number[];
    readonly warmup: number;
    readonly loads: number;
  };
  readonly rebuild: {
    readonly sqliteEvents: number;
    readonly postgresEvents: number;
  };
}

export const MODES: Record<BenchMode, ModeSettings> = {
  quick: {
    mode: 'quick',
    appends: { concurrencies: [1, 16], warmup: 32, maxAppends: 3_000, seconds: 1.5 },
    http: { connections: 16, warmupSeconds: 1, seconds: 3, loadShare: 0.8 },
    streamLoad: { sizes: [2_000, 20_000], warmup: 100, loads: 400 },
    rebuild: { sqliteEvents: 20_000, postgresEvents: 20_000 },
  },
  full: {
    mode: 'full',
    appends: { concurrencies: [1, 16], warmup: 200, maxAppends: 50_000, seconds: 10 },
    http: { connections: 16, warmupSeconds: 3, seconds: 15, loadShare: 0.8 },
    streamLoad: { sizes: [10_000, 100_000, 1_000_000], warmup: 500, loads: 3_000 },
    rebuild: { sqliteEvents: 1_000_000, postgresEvents: 200_000 },
  },
};
