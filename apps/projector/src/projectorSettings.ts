import { loadSettings, type Settings } from '../../api/src/config/settings';

/**
 * The API's settings, from the same environment (PROJECTION_LEASE_MS and PROJECTION_PAGE_SIZE
 * among them), on a store shared between processes: every problem is reported at once.
 */
export function loadProjectorSettings(env: NodeJS.ProcessEnv): Settings {
  const problems: string[] = [];
  if ((env.EVENT_STORE || 'sqlite') !== 'postgres') {
    problems.push(
      `the projector needs a store shared between processes: set EVENT_STORE=postgres (got ${env.EVENT_STORE || 'sqlite, the default'}); ` +
        'on SQLite the API runs the projections itself',
    );
  }
  let settings: Settings;
  try {
    settings = loadSettings(env);
  } catch (error) {
    throw new Error([(error as Error).message, ...problems.map((problem) => `- ${problem}`)].join('\n'));
  }
  if (problems.length > 0) throw new Error(`Invalid settings:\n- ${problems.join('\n- ')}`);
  return settings;
}
