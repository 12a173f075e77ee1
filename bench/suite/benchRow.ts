/** The parts of `npm run bench`, in the order the table shows them. */
export type BenchPart = 'appends' | 'http' | 'stream-load' | 'rebuild';

/**
 * ok: measured; skipped: not run, and why (no PostgreSQL); unavailable: a peer that could not
 * be built or loaded; failed: it ran and broke (for this project's rows, the run fails).
 */
export type RowStatus = 'ok' | 'skipped' | 'unavailable' | 'failed';

/** What a row's ratio divides: throughputs (higher is better) or latencies (lower is better). */
export type RatioOf = 'throughput' | 'p50' | 'p99';

/**
 * One line of the table (and of the JSON): a figure measured in one run, beside the baseline
 * it is compared with. Every field a part cannot measure is null, never left out, so that
 * readers of the JSON see one shape.
 */
export interface BenchRow {
  readonly part: BenchPart;
  /** Unique in a run: baselines are named by it. */
  readonly id: string;
  readonly label: string;
  /** This project's code (its failures fail the run), or a peer or baseline. */
  readonly ours: boolean;
  readonly status: RowStatus;
  readonly concurrency: number | null;
  readonly throughput: number | null;
  readonly unit: string;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /** The row this one is compared with, what is compared, and this one's figure over the baseline's. */
  readonly baselineId: string | null;
  /** How the table names the baseline, short: "raw", "bare http". */
  readonly baselineName: string | null;
  readonly ratioOf: RatioOf;
  readonly ratio: number | null;
  /** Operations that failed (appends that threw, HTTP errors, timeouts and non-2xx answers). */
  readonly failures: number | null;
  readonly attempts: number | null;
  /** Failures in the untimed warm-up before the measured run: never hidden, and this project's fail the run. */
  readonly warmupFailures: number | null;
  /** The peak resident set of the process that did the work (VmHWM), in MB. */
  readonly peakRssMb: number | null;
  /** Its resident set once started, before any work (for a part: Node, ts-node's TypeScript and the modules loaded), in MB. */
  readonly startRssMb: number | null;
  /** The commit's durability as read back from the database (journal mode, synchronous level), where it applies. */
  readonly durability: string | null;
  readonly note: string;
}

/** A row with every measurement empty: what a part reports when it did not measure. */
export function emptyRow(fields: Pick<BenchRow, 'part' | 'id' | 'label' | 'ours' | 'status' | 'unit' | 'note'> & Partial<BenchRow>): BenchRow {
  return {
    concurrency: null,
    throughput: null,
    p50Ms: null,
    p99Ms: null,
    baselineId: null,
    baselineName: null,
    ratioOf: 'throughput',
    ratio: null,
    failures: null,
    attempts: null,
    warmupFailures: null,
    peakRssMb: null,
    startRssMb: null,
    durability: null,
    ...fields,
  };
}

/** Fills each row's ratio from its baseline's figure, once every part has reported. */
export function withRatios(rows: readonly BenchRow[]): BenchRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return rows.map((row) => {
    const baseline = row.baselineId === null ? undefined : byId.get(row.baselineId);
    if (row.ratio !== null || !baseline || row.status !== 'ok' || baseline.status !== 'ok') return row;
    const figure = (of: BenchRow) => (row.ratioOf === 'throughput' ? of.throughput : row.ratioOf === 'p50' ? of.p50Ms : of.p99Ms);
    return { ...row, ratio: divide(figure(row), figure(baseline)) };
  });
}

const divide = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
