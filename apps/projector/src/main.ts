import pino from 'pino';
import { type Projector, startProjector } from './projector';
import type { Settings } from '../../api/src/config/settings';
import { loadProjectorSettings } from './projectorSettings';

/**
 * The projector process: runs the projections against the shared PostgreSQL store, beside API
 * processes started with PROJECTIONS=off. No HTTP: GET /projections on any API shows its work.
 */
async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = loadProjectorSettings(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const log = pino({ name: 'projector', level: settings.logLevel });
  process.on('unhandledRejection', (reason) => {
    log.fatal({ err: reason }, 'unhandled rejection: stopping');
    process.exit(1);
  });

  let projector: Projector;
  try {
    projector = await startProjector(settings, log);
  } catch (error) {
    log.fatal({ err: error }, 'the projector cannot start');
    process.exit(1);
  }
  log.info(
    { holder: projector.holder, schema: settings.databaseSchema, leaseMs: settings.projectionLeaseMs, pageSize: settings.projectionPageSize, scheduler: settings.scheduler },
    'projector started: each projection runs here while this process holds its lease',
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal while stopping means "now": the checkpoints keep the work consistent anyway.
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'stopping: the runners finish their pages and release their leases');
    projector.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
