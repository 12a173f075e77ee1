import type { GlobalEvent } from '@app/event-store';
import type { CompanionCopied, CompanionRows, MigrationTarget } from './migrationTarget';
import type { SqliteMigrationSource } from './sqliteMigrationSource';

export interface CopyOutcome {
  /** Events written by this run. */
  readonly eventsCopied: number;
  /** Events the migration has written over all its runs: the target's whole history. */
  readonly eventsInTarget: number;
  /** Companion rows offered per kind (the source's), and those written anew or changed. */
  readonly companionRows: CompanionCopied;
  readonly companionChanged: CompanionCopied;
  /** Time spent copying the events, and the rows beside them. */
  readonly seconds: { readonly events: number; readonly companion: number };
}

export interface CopyOptions {
  /** Events per page: per transaction on the target. */
  readonly pageSize: number;
  /** Called after every page with the events in the target so far. */
  readonly onPage?: (eventsInTarget: number) => void;
}

const NONE: CompanionCopied = { uniqueKeys: 0, sequences: 0, personalKeys: 0, streamHeads: 0, idempotencyRecords: 0 };

/**
 * Copies the source into the target: the events from where the target's progress says the last
 * run stopped, up to the source's last event when this run began, in the source's commit-safe
 * order, a page per transaction (the next page is read while the target writes one); then what
 * the store keeps beside them. The target must be open.
 */
export async function copyHistory(source: SqliteMigrationSource, target: MigrationTarget, options: CopyOptions): Promise<CopyOutcome> {
  const started = performance.now();
  const progress = await target.progress();
  const upTo = source.headCheckpoint();
  let eventsCopied = 0;
  let page = upTo === null ? [] : await source.readAllUpTo(progress.sourceCheckpoint, upTo, options.pageSize);
  while (upTo !== null && page.length > 0) {
    const after = page[page.length - 1].checkpoint;
    const writing = target.copy(page, after, erasedSubjectsOf(page));
    writing.catch(() => undefined); // awaited below; meanwhile the next page is read
    const next = await source.readAllUpTo(after, upTo, options.pageSize);
    eventsCopied += await writing;
    options.onPage?.(progress.eventsCopied + eventsCopied);
    page = next;
  }
  const eventsDone = performance.now();
  const { offered, changed } = await copyCompanion(source, target, options.pageSize);
  return {
    eventsCopied,
    eventsInTarget: progress.eventsCopied + eventsCopied,
    companionRows: offered,
    companionChanged: changed,
    seconds: { events: (eventsDone - started) / 1000, companion: (performance.now() - eventsDone) / 1000 },
  };
}

/**
 * The residents whose erasure the page records: the store destroyed their keys in the erasure's
 * own transaction, and so must the target (it may hold a key an earlier run copied).
 */
export function erasedSubjectsOf(page: readonly GlobalEvent[]): string[] {
  return page.flatMap((event) => {
    const subjectId = event.type === 'PersonalDataErased' ? (event.data as { subjectId?: unknown } | null)?.subjectId : undefined;
    return typeof subjectId === 'string' ? [subjectId] : [];
  });
}

/** Everything beside the events, a page at a time: unique keys, sequences, personal-data keys, heads (with seals), idempotency records. */
async function copyCompanion(source: SqliteMigrationSource, target: MigrationTarget, pageSize: number) {
  let offered = NONE;
  let changed = NONE;
  const copy = async (rows: CompanionRows) => {
    const written = await target.copyCompanion(rows);
    changed = add(changed, written);
    offered = add(offered, {
      uniqueKeys: rows.uniqueKeys?.length ?? 0,
      sequences: rows.sequences?.length ?? 0,
      personalKeys: rows.personalKeys?.length ?? 0,
      streamHeads: rows.streamHeads?.length ?? 0,
      idempotencyRecords: rows.idempotencyRecords?.length ?? 0,
    });
  };
  await copy({ sequences: source.sequences() });
  for (let page = source.uniqueKeys(null, pageSize); page.length > 0; page = source.uniqueKeys(page[page.length - 1], pageSize)) {
    await copy({ uniqueKeys: page });
  }
  for (let page = source.personalKeys(null, pageSize); page.length > 0; page = source.personalKeys(page[page.length - 1].subjectId, pageSize)) {
    await copy({ personalKeys: page });
  }
  for (let page = await source.streamHeads(null, pageSize); page.length > 0; page = await source.streamHeads(page[page.length - 1].streamId, pageSize)) {
    await copy({ streamHeads: page });
  }
  for (let page = source.idempotencyRecords(null, pageSize); page.length > 0; page = source.idempotencyRecords(page[page.length - 1], pageSize)) {
    await copy({ idempotencyRecords: page });
  }
  return { offered, changed };
}

const add = (a: CompanionCopied, b: CompanionCopied): CompanionCopied => ({
  uniqueKeys: a.uniqueKeys + b.uniqueKeys,
  sequences: a.sequences + b.sequences,
  personalKeys: a.personalKeys + b.personalKeys,
  streamHeads: a.streamHeads + b.streamHeads,
  idempotencyRecords: a.idempotencyRecords + b.idempotencyRecords,
});
