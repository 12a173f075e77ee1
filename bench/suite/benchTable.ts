import type { BenchPart, BenchRow } from './benchRow';

const PART_NAMES: Record<BenchPart, string> = {
  appends: 'appends',
  http: 'HTTP',
  'stream-load': 'stream load',
  rebuild: 'rebuild',
};
const STATUS_WORDS: Record<BenchRow['status'], string> = { ok: '', skipped: 'SKIPPED', unavailable: 'NOT BUILT', failed: 'FAILED' };

const whole = (value: number) => Math.round(value).toLocaleString('en-GB');
const ms = (value: number | null) => (value === null ? '' : value < 10 ? value.toFixed(2) : value.toFixed(1));

function ratioCell(row: BenchRow): string {
  if (row.ratio === null || row.baselineName === null) return '';
  const of = row.ratioOf === 'throughput' ? '' : ` (${row.ratioOf})`;
  return `${row.ratio.toFixed(2)}× ${row.baselineName}${of}`;
}

/** The whole run as one Markdown table: what the console prints and the README keeps. */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = [
    '| part | what | in flight | throughput | p50 ms | p99 ms | vs baseline | failed | peak RSS MB (at start) | note |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const throughput = row.status === 'ok' && row.throughput !== null ? `${whole(row.throughput)} ${row.unit}` : STATUS_WORDS[row.status];
    const failed = row.failures === null ? '' : `${whole(row.failures)} / ${whole(row.attempts ?? 0)}`;
    const cells = [
      PART_NAMES[row.part],
      row.label,
      row.concurrency === null ? '' : String(row.concurrency),
      throughput,
      ms(row.p50Ms),
      ms(row.p99Ms),
      ratioCell(row),
      failed,
      row.peakRssMb === null ? '' : `${whole(row.peakRssMb)}${row.startRssMb === null ? '' : ` (${whole(row.startRssMb)})`}`,
      row.note.replace(/\|/g, '/'),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
