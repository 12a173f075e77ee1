import fc from 'fast-check';
import { streamIdOf } from '@app/streams';
import { accountOf, problemsWith } from './answerChecks';
import { expandNesting } from './oddValues';
import type { FuzzApp } from './fuzzApp';
import {
  authChoice,
  authorizationFor,
  type AuthChoice,
  bodyMutation,
  type BodyMutation,
  contentTypeChoice,
  encodeAny,
  extraHeaders,
  type HeaderChoice,
  mutateBody,
  oddSegment,
  onTheWire,
  queryMutation,
  type QueryMutation,
  renderQuery,
  wireMutation,
  type WireMutation,
} from './mutations';
import { sendRaw, type RawRequest } from './rawHttp';
import { changesSince, markStore } from './storeWitness';
import { CURRENT_VERSION, genericSpec, type ParamSource, ROUTE_SPECS, type RouteSpec } from './validRequests';

/** The seed CI runs with (printed with every run); FUZZ_SEED picks another, FUZZ_RUNS runs more. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_417);
export const runsFor = (defaultRuns: number) => Number(process.env.FUZZ_RUNS ?? defaultRuns);

/** What the fixtures hold when a request is rendered: issues the fuzz run has created so far, and so on. */
export interface LiveFixtures {
  readonly issues: Array<{ id: string; reference: string }>;
  readonly projections: string[];
}

/** How many issues the suite seeds before fuzzing, first in `LiveFixtures.issues`. */
export const SEEDED_ISSUES = 4;

type ParamChoice = { readonly kind: 'valid'; readonly pick: number } | { readonly kind: 'odd'; readonly segment: string };

/** One generated request, as data: the route, and how each part of its valid form is spoilt. */
export interface Plan {
  readonly spec: RouteSpec;
  readonly params: Readonly<Record<string, ParamChoice>>;
  readonly query: Readonly<Record<string, string>>;
  readonly queryMutation: QueryMutation;
  readonly body: unknown;
  readonly bodyMutations: readonly BodyMutation[];
  readonly wire: WireMutation;
  readonly contentType: string | null | 'valid';
  readonly auth: AuthChoice;
  readonly headers: HeaderChoice;
  /** A body on a route that takes none (GET with a body). */
  readonly strayBody: boolean;
  /** Which part is spoilt: one at a time mostly, so the rest is valid and the odd part meets deep code; or all, or none. */
  readonly focus: Focus;
}

const FOCI = ['params', 'query', 'body', 'wire', 'contentType', 'auth', 'headers'] as const;
export type Focus = (typeof FOCI)[number] | 'none' | 'all';
const focus: fc.Arbitrary<Focus> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('none' as const) },
  { weight: 8, arbitrary: fc.constantFrom(...FOCI) },
  { weight: 3, arbitrary: fc.constant('all' as const) },
);

/** The plan with every part outside its focus put back to valid. */
function focused(plan: Plan): Plan {
  const spoils = (part: (typeof FOCI)[number]) => plan.focus === 'all' || plan.focus === part;
  return {
    ...plan,
    params: spoils('params') ? plan.params : Object.fromEntries(Object.entries(plan.params).map(([name, choice]) => [name, choice.kind === 'odd' ? { kind: 'valid', pick: 0 } : choice])),
    queryMutation: spoils('query') ? plan.queryMutation : { op: 'none' },
    bodyMutations: spoils('body') ? plan.bodyMutations : [],
    wire: spoils('wire') ? plan.wire : { op: 'none' },
    contentType: spoils('contentType') ? plan.contentType : 'valid',
    auth: spoils('auth') ? plan.auth : { kind: 'valid' },
    headers: spoils('headers') ? plan.headers : {},
    strayBody: spoils('body') && plan.strayBody,
  };
}

const paramChoice: fc.Arbitrary<ParamChoice> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('valid' as const), pick: fc.nat() }) },
  fc.record({ kind: fc.constant('odd' as const), segment: oddSegment }),
);

/** The spec as fast-check prints it in a counterexample: its route and caller, not its arbitraries. */
const printable = (spec: RouteSpec): RouteSpec => ({ ...spec, [fc.toStringMethod]: () => `${spec.method} ${spec.path} as ${spec.caller}` }) as RouteSpec;

export function planFor(specs: readonly RouteSpec[]): fc.Arbitrary<Plan> {
  return fc.constantFrom(...specs.map(printable)).chain((spec) =>
    fc.record({
      spec: fc.constant(spec),
      params: fc.record(Object.fromEntries(Object.keys(spec.params ?? {}).map((name) => [name, paramChoice]))),
      query: spec.query ?? fc.constant({}),
      queryMutation,
      body: spec.body ?? fc.constant(undefined),
      bodyMutations: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 4, arbitrary: fc.array(bodyMutation, { minLength: 1, maxLength: 3 }) }),
      wire: wireMutation,
      contentType: contentTypeChoice,
      auth: authChoice,
      headers: extraHeaders,
      focus,
      strayBody: spec.body === undefined ? fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)) : fc.constant(false),
    }),
  );
}

const PAGE_FILES = ['dashboard.js', 'dashboard.css', 'index.html', '.env', 'chart.umd.js'];
const ASSETS = ['chart.umd.js', 'chart.umd.js.map', 'favicon.svg', '..%2Fpackage.json'];

function validParam(source: ParamSource, pick: number, live: LiveFixtures): string {
  // The most recent issues, mostly (they are the ones still open); any of them a third of the time.
  const recent = Math.min(live.issues.length, 6);
  // The seeded ones (logged, resolved, fed back, awaiting the resident) a fifth of the time: the commands that need a late status.
  const issue =
    pick % 5 === 1
      ? live.issues[pick % Math.min(live.issues.length, SEEDED_ISSUES)]
      : pick % 3 === 0
        ? live.issues[pick % live.issues.length]
        : live.issues[live.issues.length - 1 - (pick % recent)];
  switch (source) {
    case 'issue':
      return pick % 5 === 4 ? issue.reference : issue.id;
    case 'reference':
      return issue.reference;
    case 'area':
      return pick % 7 === 6 ? 'amesbury' : 'trowbridge';
    case 'projection':
      return live.projections[pick % live.projections.length] ?? 'issues';
    case 'pageFile':
      return PAGE_FILES[pick % PAGE_FILES.length];
    case 'asset':
      return ASSETS[pick % ASSETS.length];
    case 'format':
      return pick % 2 === 0 ? 'json' : 'xml';
    case 'category':
      return pick % 9 === 8 ? 'no-such-service' : 'highways';
    case 'any':
      return 'x';
  }
}

/** A form body as a client encodes it; a value that is not text (a mutation's) goes as its JSON, a body that is not an object as JSON. */
function formEncoded(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return expandNesting(JSON.stringify(value) ?? '');
  return Object.entries(value)
    .map(([key, inner]) => `${encodeAny(key)}=${encodeAny(typeof inner === 'string' ? inner : expandNesting(JSON.stringify(inner) ?? ''))}`)
    .join('&');
}

/** The plan as bytes on the wire, with the issue's current version put in where the body asks for it. */
export async function render(planned: Plan, app: FuzzApp, live: LiveFixtures): Promise<RawRequest> {
  const plan = focused(planned);
  const { spec } = plan;
  let targetIssue: string | undefined;
  const path = spec.path.replace(/:(\w+)/g, (_, name: string) => {
    const choice = plan.params[name];
    if (choice.kind === 'odd') return choice.segment;
    const value = validParam(spec.params![name], choice.pick, live);
    if (spec.params![name] === 'issue') targetIssue = live.issues.find((issue) => issue.id === value || issue.reference === value)?.id;
    return encodeURIComponent(value);
  });

  const headers: Record<string, string | string[]> = { ...plan.headers };
  const authorization = authorizationFor(spec.caller, plan.auth);
  if (authorization !== undefined) headers.authorization = authorization;

  let body: Buffer | undefined;
  const sendsBody = spec.body !== undefined || plan.strayBody;
  if (sendsBody) {
    const value = mutateBody(plan.body ?? {}, plan.bodyMutations);
    const json = (line: unknown) => expandNesting(JSON.stringify(line) ?? '');
    let text = spec.bodyKind === 'ndjson' && Array.isArray(value) ? value.map(json).join('\n') : spec.bodyKind === 'form' ? formEncoded(value) : json(value);
    if (text.includes(`"${CURRENT_VERSION}"`)) {
      const version = targetIssue ? (await app.store.readStream(streamIdOf(targetIssue))).length : 0;
      text = text.split(`"${CURRENT_VERSION}"`).join(String(version));
    }
    body = onTheWire(text, plan.wire);
    const valid = { ndjson: 'application/x-ndjson', form: 'application/x-www-form-urlencoded', json: 'application/json' }[spec.bodyKind ?? 'json'];
    const contentType = plan.contentType === 'valid' ? valid : plan.contentType;
    if (contentType !== null) headers['content-type'] = contentType;
  }
  return { method: spec.method, path: `${path}${renderQuery(plan.query, plan.queryMutation)}`, headers, body };
}

/** Counts for the report: requests by store, status and route. */
export class FuzzTally {
  readonly byStatus = new Map<number, number>();
  readonly byRoute = new Map<string, number>();
  /** Routes a request got through (2xx): the valid forms do reach the code behind the checks. */
  readonly accepted = new Set<string>();
  requests = 0;

  count(plan: Plan, status: number): void {
    this.requests += 1;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    const route = `${plan.spec.method} ${plan.spec.path}`;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    if (status < 300) this.accepted.add(route);
  }

  summary(): string {
    const statuses = [...this.byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    const neverAccepted = [...this.byRoute.keys()].filter((route) => !this.accepted.has(route));
    return `${this.requests} requests over ${this.byRoute.size} routes; statuses ${statuses.join(' ')}; never 2xx: ${neverAccepted.join(', ') || 'none'}`;
  }
}

/**
 * Sends one planned request and holds the answer to the pass criteria: no 5xx, no hang, nothing of
 * the server's insides in an error, and a refused request leaves the store as it was. Throws
 * with the request and the answer otherwise (fast-check then prints the plan and the seed).
 */
export async function fuzzOnce(plan: Plan, app: FuzzApp, live: LiveFixtures, tally: FuzzTally): Promise<void> {
  const raw = await render(plan, app, live);
  const mark = await markStore(app.store);
  const logFrom = app.logs.text().length;
  let answer;
  try {
    answer = await sendRaw(app.port, raw);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${accountOf(raw)}`);
  }
  tally.count(plan, answer.status);
  const problems = problemsWith(raw, answer);
  if (answer.status >= 400) problems.push(...(await changesSince(app.store, mark)).map((change) => `refused (${answer.status}), yet ${change}`));
  if (problems.length > 0) {
    // What the server logged as an error meanwhile: the cause of a 5xx, for whoever fixes it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const errors = app.logs
      .text()
      .slice(logFrom)
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line))
      .map((line) => line.slice(0, 2_000));
    throw new Error(`${problems.join('; ')}\n${accountOf(raw, answer)}${errors.length ? `\n  server logged: ${errors.join('\n')}` : ''}`);
  }
  if (plan.spec.method === 'POST' && plan.spec.path === '/issues' && answer.status === 201) {
    const created = JSON.parse(answer.text) as { id: string; reference: string };
    live.issues.push({ id: created.id, reference: created.reference });
  }
}

/** The specs for the routes the app serves, known ones first; a served route without one gets a generic spec. */
export function specsFor(app: FuzzApp, keep: (method: string) => boolean): { specs: RouteSpec[]; generic: string[] } {
  const served = app.routes.filter((route) => !route.path.includes('{*') && !/^\/docs(?!-json)/.test(route.path));
  const known = ROUTE_SPECS.filter((spec) => keep(spec.method) && served.some((route) => route.method === spec.method && route.path === spec.path));
  const unknown = served.filter((route) => keep(route.method) && !ROUTE_SPECS.some((spec) => spec.method === route.method && spec.path === route.path));
  return { specs: [...known, ...unknown.map((route) => genericSpec(route.method, route.path))], generic: unknown.map((route) => `${route.method} ${route.path}`) };
}
