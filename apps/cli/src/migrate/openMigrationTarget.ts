import type { MigrationTarget, MigrationTargetFactory } from './migrationTarget';
import { MigrationRefusedError } from './migrationRefusedError';

/** The stores `migrate --to` can copy into. */
export const TARGET_KINDS = ['postgres', 'eventstoredb'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

// Named by a variable, so that the command builds and runs (with a clear refusal) in a tree
// where the EventStoreDB target has not landed.
const EVENTSTOREDB_TARGET = './eventStoreDbTarget';

/** Makes the target `--to` names, from the API's settings in `env`. */
export async function openMigrationTarget(kind: TargetKind, env: NodeJS.ProcessEnv): Promise<MigrationTarget> {
  if (kind === 'postgres') return (await import('./postgresTarget')).openPostgresTarget(env);
  let factory: MigrationTargetFactory | undefined;
  try {
    ({ openEventStoreDbTarget: factory } = (await import(EVENTSTOREDB_TARGET)) as { openEventStoreDbTarget?: MigrationTargetFactory });
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND' || !String((error as Error).message).includes('eventStoreDbTarget')) throw error;
  }
  if (!factory) throw new MigrationRefusedError('--to eventstoredb is not available in this build (apps/cli/src/migrate/eventStoreDbTarget.ts is missing): migrate --to postgres instead');
  return factory(env);
}
