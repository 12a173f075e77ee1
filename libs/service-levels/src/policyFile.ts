import { readFileSync } from 'node:fs';
import { checkServiceLevelPolicy, type KnownReferenceData, type ServiceLevelPolicy } from '@app/lifecycle';
// Bundled into the build (as apps/api/src/config/areas.ts bundles config/areas.json): no file to ship.
import bundledPolicy from '../../../config/service-levels.json';

/** A service-level policy file, read and checked. */
export interface PolicyFile {
  /** Where it came from, as an operator would name it in a message. */
  readonly source: string;
  readonly policy: ServiceLevelPolicy;
  /** The file's JSON as given: what is adopted into the store and what GET /service-levels answers. */
  readonly asWritten: unknown;
}

/**
 * The policy at SERVICE_LEVELS_FILE (`file`), or the bundled config/service-levels.json when
 * there is none. Throws one Error listing every problem, so one refused start-up tells the
 * operator all there is to fix.
 */
export function readPolicyFile(file: string | undefined, known: KnownReferenceData): PolicyFile {
  const source = file === undefined ? 'the bundled config/service-levels.json' : `SERVICE_LEVELS_FILE ${file}`;
  const asWritten = file === undefined ? structuredClone(bundledPolicy) : parseFile(file, source);
  const checked = checkServiceLevelPolicy(asWritten, known);
  if (!checked.ok) throw new Error(`${source} is not a valid service-level policy:\n- ${checked.error.join('\n- ')}`);
  return { source, policy: checked.value, asWritten };
}

function parseFile(file: string, source: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${source} cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
}
