import { WrongExpectedVersionError } from '@app/event-store';

/** Someone appended to the stream since it was read: read it again and decide again. */
export const isVersionConflict = (error: unknown): boolean => error instanceof WrongExpectedVersionError;

/**
 * The deadline is recorded already (its deterministic event ids are in the store): another
 * scheduler got there first. The adapters let the driver's own
 * unique-violation through for a duplicate event id: SQLite's constraint error, PostgreSQL's 23505.
 */
export function isAlreadyRecorded(error: unknown): boolean {
  const { code, message, constraint } = (error ?? {}) as { code?: string; message?: string; constraint?: string };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return /event_id/.test(message ?? '');
  return code === '23505' && /event_id/.test(constraint ?? '');
}
