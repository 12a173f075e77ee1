import { type Filter, streamNameFilter } from '@kurrent/kurrentdb-client';

/** Any stream name not starting with $: EventStoreDB's own streams all do. */
export const APPLICATION_STREAMS = '^[^$]';

/**
 * The server-side filter for this store's reads of $all: its prefix's streams, or, without a
 * prefix, every stream but EventStoreDB's own ($-named: statistics, settings, stream metadata,
 * projections' links). The few system events that can sit in an application stream (a deleted
 * stream's tombstone) are left out by type as they are read (isApplicationEvent).
 */
export function allFilter(prefix: string): Filter {
  if (prefix.startsWith('$')) throw new Error(`stream prefix ${JSON.stringify(prefix)} would name EventStoreDB system streams ($…): choose one without a leading $`);
  return prefix ? streamNameFilter({ prefixes: [prefix] }) : streamNameFilter({ regex: APPLICATION_STREAMS });
}
