import { err, ok, type Result } from '../result';
import { DEADLINE_KINDS, type DeadlineKind } from './deadlineClock';
import { CALENDAR_REGIONS, type CalendarRegion, type ServiceLevelPolicy, type Targets } from './serviceLevelPolicy';

export interface KnownReferenceData {
  readonly categories: readonly string[];
  readonly areaIds: readonly string[];
}

const POLICY_KEYS = ['version', 'region', 'default', 'categories', 'areas'] as const;
const MAX_VERSION_LENGTH = 64;
const MAX_TARGET = 365;

type Raw = Readonly<Record<string, unknown>>;

/**
 * A policy file checked in full: every problem is listed with its path, so one start-up that
 * fails tells the operator all there is to fix. `categories` and `areas` may be left out.
 */
export function checkServiceLevelPolicy(raw: unknown, known: KnownReferenceData): Result<ServiceLevelPolicy, string[]> {
  const problems: string[] = [];
  if (!isObject(raw)) return err([`the policy must be a JSON object, got ${describe(raw)}`]);
  unknownKeys(raw, POLICY_KEYS, '', problems);

  const { version, region } = raw;
  if (typeof version !== 'string' || version.trim() === '' || version.length > MAX_VERSION_LENGTH) {
    problems.push(`version must be a non-empty string of at most ${MAX_VERSION_LENGTH} characters, got ${describe(version)}`);
  }
  if (!(CALENDAR_REGIONS as readonly unknown[]).includes(region)) {
    problems.push(`region must be one of ${CALENDAR_REGIONS.join(', ')}, got ${describe(region)}`);
  }
  const defaults = checkTargets(raw.default, 'default', true, problems);
  const categories = checkEach(raw.categories, 'categories', known.categories, 'category', problems, (value, path) =>
    checkTargets(value, path, false, problems),
  );
  const areas = checkEach(raw.areas, 'areas', known.areaIds, 'area id', problems, (value, path) =>
    checkEach(value, path, known.categories, 'category', problems, (targets, targetsPath) =>
      checkTargets(targets, targetsPath, false, problems),
    ),
  );

  if (problems.length > 0) return err(problems);
  return ok({
    version: version as string,
    region: region as CalendarRegion,
    default: defaults as Targets,
    categories,
    areas,
  });
}

/** The targets for an issue: for each kind, area + category, else category, else default. */
export function targetsFor(policy: ServiceLevelPolicy, areaId: string, category: string): Targets {
  const forCategory = own(policy.categories, category);
  const forArea = own(own(policy.areas, areaId), category);
  const pick = (kind: DeadlineKind) => forArea?.[kind] ?? forCategory?.[kind] ?? policy.default[kind];
  return { acknowledge: pick('acknowledge'), resolve: pick('resolve'), feedBack: pick('feedBack') };
}

// Own properties only: an area called "constructor" must not find Object's.
const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

function checkTargets(value: unknown, path: string, complete: boolean, problems: string[]): Partial<Targets> {
  if (!isObject(value)) {
    problems.push(`${path} must be an object of targets (${DEADLINE_KINDS.join(', ')}), got ${describe(value)}`);
    return {};
  }
  unknownKeys(value, DEADLINE_KINDS, `${path}.`, problems);
  const targets: Partial<Record<DeadlineKind, number>> = {};
  for (const kind of DEADLINE_KINDS) {
    const target = value[kind];
    if (target === undefined && !complete) continue;
    if (Number.isInteger(target) && (target as number) >= 1 && (target as number) <= MAX_TARGET) {
      targets[kind] = target as number;
    } else {
      problems.push(`${path}.${kind} must be a whole number of working days from 1 to ${MAX_TARGET}, got ${describe(target)}`);
    }
  }
  return targets;
}

/** An optional object keyed by known names, each value checked by `check`. */
function checkEach<T>(
  value: unknown,
  path: string,
  knownNames: readonly string[],
  what: string,
  problems: string[],
  check: (value: unknown, path: string) => T,
): Record<string, T> {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.push(`${path} must be an object keyed by ${what}, got ${describe(value)}`);
    return {};
  }
  const checked: Record<string, T> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!knownNames.includes(name)) problems.push(`${path}.${name}: "${name}" is not a known ${what}`);
    checked[name] = check(entry, `${path}.${name}`);
  }
  return checked;
}

function unknownKeys(value: Raw, allowed: readonly string[], prefix: string, problems: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push(`${prefix}${key} is not a known key (expected ${allowed.join(', ')})`);
  }
}

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));
