/**
 * One appender's part of `npm run bench`, in a process of its own (see partProcess.ts): its
 * appends at each concurrency, after a warm-up, as table rows.
 */
import { type BenchRow, emptyRow } from '../benchRow';
import { type AppendPartArgs, appendRowId, unmeasuredAppendRows } from './appendRows';
import { ownMemory, partArgs, partMain } from '../partProcess';
import { type Appender, APPENDER_TARGETS, type AppenderKind, baselineOf } from './appender';
import { runAppends } from './appendLoop';
import { emmettPostgresAppender, emmettSqliteAppender } from './emmettAppenders';
import { ourPostgresAppender, ourSqliteAppender } from './ourAppenders';
import { PeerUnavailableError } from './peerModule';
import { rawPostgresAppender, rawSqliteAppender } from './rawAppenders';

async function openAppender(kind: AppenderKind, databaseUrl: string | undefined): Promise<Appender> {
  const url = () => {
    if (!databaseUrl) throw new Error(`${kind} needs a PostgreSQL database (TEST_DATABASE_URL)`);
    return databaseUrl;
  };
  switch (kind) {
    case 'ours-sqlite':
      return ourSqliteAppender();
    case 'emmett-sqlite':
      return emmettSqliteAppender();
    case 'raw-sqlite':
      return rawSqliteAppender();
    case 'ours-postgres':
      return ourPostgresAppender(url());
    case 'emmett-postgresql':
      return emmettPostgresAppender(url());
    case 'raw-postgres':
      return rawPostgresAppender(url());
  }
}

async function main(): Promise<BenchRow[]> {
  const { kind, databaseUrl, settings } = partArgs<AppendPartArgs>();
  const target = APPENDER_TARGETS.find((candidate) => candidate.kind === kind)!;
  let appender: Appender;
  try {
    appender = await openAppender(kind, databaseUrl);
  } catch (error) {
    if (!(error instanceof PeerUnavailableError)) throw error;
    return unmeasuredAppendRows(target, settings.concurrencies, 'unavailable', error.message);
  }
  const rows: BenchRow[] = [];
  try {
    for (const concurrency of settings.concurrencies) {
      const warmup = await runAppends(appender, { concurrency, maxAppends: settings.warmup, seconds: 30 });
      const warmupRemarks = appender.remarks?.() ?? '';
      const warmupFailed =
        warmup.failures > 0 ? `warm-up: ${warmup.failures} of ${warmup.attempts} FAILED (${[...warmup.failureReasons.slice(0, 2), warmupRemarks].filter(Boolean).join('; ')})` : '';
      const figures = await runAppends(appender, { concurrency, maxAppends: settings.maxAppends, seconds: settings.seconds });
      const failed = figures.failures > 0 ? `${figures.failures} of ${figures.attempts} appends FAILED: ${figures.failureReasons.slice(0, 3).join('; ')}` : '';
      const remarks = appender.remarks?.() ?? '';
      rows.push(
        emptyRow({
          part: 'appends',
          id: appendRowId(kind, concurrency),
          label: target.label,
          ours: target.ours,
          status: 'ok',
          unit: 'appends/s',
          concurrency,
          throughput: figures.throughput,
          p50Ms: figures.p50Ms,
          p99Ms: figures.p99Ms,
          ...(kind !== baselineOf(target) && { baselineId: appendRowId(baselineOf(target), concurrency), baselineName: 'raw INSERT' }),
          failures: figures.failures,
          attempts: figures.attempts,
          warmupFailures: warmup.failures,
          durability: appender.durability,
          note: [warmupFailed, failed, remarks].filter(Boolean).join('; '),
        }),
      );
    }
  } finally {
    await appender.close();
  }
  const memory = ownMemory();
  return rows.map((row) => ({ ...row, ...memory }));
}

partMain(main);
