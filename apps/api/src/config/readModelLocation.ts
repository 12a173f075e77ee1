import type { ReadModelLocation } from '@app/projections';
import type { Settings } from './settings';

/** The read models' database the API uses for these settings (the API, the projector and the CLI alike). */
export const readModelLocationOf = (settings: Settings): ReadModelLocation =>
  settings.eventStore === 'postgres'
    ? { kind: 'postgres', connectionString: settings.databaseUrl!, schema: settings.databaseSchema }
    : { kind: 'sqlite', dataDir: settings.dataDir };
