import fc from 'fast-check';
import { CHANNELS, INDICATORS, type Role } from '@app/lifecycle';
import { sampleImportLine } from '../../../apps/api/src/admin/import/testing/sampleImportLine';
import { CATEGORIES } from '../../../apps/api/src/reference-data/categories';
import { COMMAND_BODIES } from '../../support/issueRequests';
import { personalMarker } from './personalMarkers';

/**
 * One valid request per route, as arbitraries: written from the contract's command table
 * (shared/contract/API.md) and the DTOs (apps/api/src/**\/*.dto*.ts). The mutations start from
 * these, so that each odd value meets a request that is otherwise right and reaches deep code.
 */

/** Stands for the target issue's version as it is when the request is sent. */
export const CURRENT_VERSION = '<current version>';

export type Caller = Role | 'anonymous';

/** What a path parameter names: resolved against the live fixtures when the request is sent. */
export type ParamSource = 'issue' | 'reference' | 'area' | 'projection' | 'pageFile' | 'asset' | 'format' | 'category' | 'any';

export interface RouteSpec {
  readonly method: string;
  readonly path: string;
  readonly caller: Caller;
  readonly params?: Readonly<Record<string, ParamSource>>;
  readonly query?: fc.Arbitrary<Record<string, string>>;
  readonly body?: fc.Arbitrary<unknown>;
  /** `ndjson`: the body is JSON Lines (the import); `form`: form-encoded (Open311); default JSON. */
  readonly bodyKind?: 'json' | 'ndjson' | 'form';
}

const AREA = 'trowbridge';
const some = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
const withoutUndefined = <T>(value: Record<string, T | undefined>): Record<string, T> =>
  Object.fromEntries(Object.entries(value).filter((entry): entry is [string, T] => entry[1] !== undefined));

/** Text that passes the field's rule: not blank, within length. */
const text = (max: number) =>
  fc.oneof(
    fc.constantFrom('Pothole on Castle Street', 'Overflowing bins by the park', 'Ffordd wedi torri ger yr ysgol', 'Graffiti – “again” 🚧'),
    fc.string({ unit: 'grapheme', minLength: 3, maxLength: Math.min(max, 60) }).filter((value) => /\S/.test(value) && value.length <= max),
  );

const recentPast = fc.integer({ min: 1, max: 600 }).map((seconds) => new Date(Date.now() - seconds * 1000).toISOString());
const futureDay = fc.integer({ min: 1, max: 300 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));

const raisedBy = fc.record({ marker: personalMarker, email: fc.boolean(), phone: fc.boolean() }).map(({ marker, email, phone }) =>
  withoutUndefined({
    name: `Resident ${marker}`,
    email: email ? `${marker.toLowerCase()}@example.org` : undefined,
    phone: phone ? '01225 700 800' : undefined,
  }),
);

const location = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
  address: fc.option(personalMarker, { nil: undefined }),
});

export const intakeBody = (channels: readonly string[]) =>
  fc
    .record({
      title: text(200),
      description: text(5000),
      category: fc.constantFrom(...CATEGORIES),
      areaId: fc.constant(AREA),
      channel: fc.constantFrom(...channels),
      location: some(location),
      raisedBy,
    })
    .map(({ location: where, ...rest }) =>
      withoutUndefined({
        ...rest,
        location: where && withoutUndefined({ lat: where.lat, lng: where.lng, address: where.address && `12 ${where.address} Street` }),
      }),
    );

/** A command on an existing issue: its contract body, at the issue's current version. */
const transition = (name: keyof typeof COMMAND_BODIES, overrides: fc.Arbitrary<Record<string, unknown>> = fc.constant({})) =>
  fc.tuple(overrides, some(recentPast)).map(([fields, occurredAt]) =>
    withoutUndefined({ ...COMMAND_BODIES[name], ...fields, expectedVersion: CURRENT_VERSION, occurredAt }),
  );

const dateQuery = some(fc.constantFrom('2026-01-01', '2020-06-30T12:00:00Z', new Date().toISOString()));
const kpiQuery = fc.record({ from: dateQuery, to: some(fc.constant('2099-01-01')), areaId: some(fc.constant(AREA)) }).map(withoutUndefined);

const recordedIds = INDICATORS.filter((indicator) => indicator.source === 'recorded').map((indicator) => indicator.id);
const quarterOf = (date: Date) => `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;

const importLines = fc.array(personalMarker, { minLength: 1, maxLength: 3 }).map((markers) =>
  markers.map((marker) => sampleImportLine({}, { raisedBy: { name: `Resident ${marker}`, email: `${marker.toLowerCase()}@example.org` } })),
);

/** The API key the fuzz app's OPEN311_KEYS_FILE holds. */
export const OPEN311_KEY = 'fuzz-open311-key';
const open311Read = fc.record({ jurisdiction_id: some(fc.constant('wiltshire.gov.uk')), api_key: some(fc.constant(OPEN311_KEY)) });

const open311Request = fc
  .record({
    marker: personalMarker,
    service_code: fc.constantFrom(...CATEGORIES),
    lat: fc.double({ min: 51.2, max: 51.4, noNaN: true }).map(String),
    long: fc.double({ min: -2.3, max: -2.1, noNaN: true }).map(String),
    description: text(500),
    area: some(fc.constant(AREA)),
  })
  .map(({ marker, area, ...fields }) =>
    withoutUndefined({
      ...fields,
      api_key: OPEN311_KEY,
      jurisdiction_id: 'wiltshire.gov.uk',
      email: `${marker.toLowerCase()}@example.org`,
      first_name: marker,
      last_name: 'Resident',
      'attribute[area]': area,
    }),
  );

/** The routes the fuzzer knows well; any other route the app serves is fuzzed generically (genericSpec). */
export const ROUTE_SPECS: readonly RouteSpec[] = [
  // Commands (write side)
  { method: 'POST', path: '/issues', caller: 'anonymous', body: intakeBody(['online']) },
  { method: 'POST', path: '/issues', caller: 'officer', body: intakeBody(CHANNELS) },
  { method: 'POST', path: '/issues/:id/refer', caller: 'areaManager', params: { id: 'issue' }, body: transition('refer') },
  { method: 'POST', path: '/issues/:id/board-review', caller: 'areaManager', params: { id: 'issue' }, body: transition('board-review', futureDay.map((meetingDate) => ({ meetingDate }))) },
  { method: 'POST', path: '/issues/:id/roundtable', caller: 'boardChair', params: { id: 'issue' }, body: transition('roundtable', futureDay.map((date) => ({ date }))) },
  { method: 'POST', path: '/issues/:id/resolve', caller: 'officer', params: { id: 'issue' }, body: transition('resolve') },
  { method: 'POST', path: '/issues/:id/feed-back', caller: 'areaManager', params: { id: 'issue' }, body: transition('feed-back') },
  { method: 'POST', path: '/issues/:id/reopen', caller: 'areaManager', params: { id: 'issue' }, body: transition('reopen') },
  { method: 'POST', path: '/issues/:id/withdraw', caller: 'areaManager', params: { id: 'issue' }, body: transition('withdraw') },
  { method: 'POST', path: '/issues/:id/assign', caller: 'boardChair', params: { id: 'issue' }, body: transition('assign', futureDay.map((dueBy) => ({ dueBy }))) },
  { method: 'POST', path: '/issues/:id/notes', caller: 'officer', params: { id: 'issue' }, body: transition('notes', fc.record({ public: fc.boolean() })) },
  { method: 'POST', path: '/issues/:id/erase-personal-data', caller: 'admin', params: { id: 'issue' }, body: fc.constantFrom({}, { expectedVersion: CURRENT_VERSION }) },
  { method: 'POST', path: '/issues/:id/await-resident', caller: 'officer', params: { id: 'issue' }, body: transition('await-resident', text(5000).map((question) => ({ question }))) },
  { method: 'POST', path: '/issues/:id/resident-replied', caller: 'areaManager', params: { id: 'issue' }, body: transition('resident-replied', text(5000).map((answer) => ({ answer }))) },
  {
    method: 'POST',
    path: '/issues/:id/upgrade-workflow',
    caller: 'admin',
    params: { id: 'issue' },
    body: fc.tuple(some(fc.constant(CURRENT_VERSION)), some(recentPast)).map(([expectedVersion, occurredAt]) => withoutUndefined({ expectedVersion, occurredAt })),
  },
  {
    method: 'PUT',
    path: '/areas/:areaId/scorecard',
    caller: 'areaManager',
    params: { areaId: 'area' },
    body: fc
      .shuffledSubarray(INDICATORS.map((indicator) => indicator.id), { minLength: 10, maxLength: 12 })
      .map((indicators) => ({ indicators, chosenAt: new Date().toISOString().slice(0, 10) })),
  },
  {
    method: 'POST',
    path: '/areas/:areaId/scorecard/figures',
    caller: 'officer',
    params: { areaId: 'area' },
    body: fc.record({ indicator: fc.constantFrom(...recordedIds), value: fc.double({ min: 0, max: 1000, noNaN: true }) }).map((figure) => ({ ...figure, quarter: quarterOf(new Date()) })),
  },
  { method: 'POST', path: '/admin/import', caller: 'admin', body: importLines, bodyKind: 'ndjson' },
  { method: 'POST', path: '/projections/:name/rebuild', caller: 'admin', params: { name: 'projection' } },
  // Reads
  {
    method: 'GET',
    path: '/issues',
    caller: 'areaManager',
    query: fc
      .record({
        status: some(fc.constantFrom('logged', 'referred', 'resolved')),
        q: some(fc.constantFrom('pothole', 'TROW')),
        page: some(fc.constantFrom('1', '2')),
        pageSize: some(fc.constantFrom('1', '200')),
        sort: some(fc.constantFrom('newest', 'nextDeadline')),
        overdue: some(fc.constantFrom('true', 'false')),
        from: dateQuery,
      })
      .map(withoutUndefined),
  },
  { method: 'GET', path: '/issues/:id', caller: 'officer', params: { id: 'issue' } },
  { method: 'GET', path: '/issues/:id/history', caller: 'auditor', params: { id: 'issue' } },
  { method: 'GET', path: '/issues/:id/state', caller: 'auditor', params: { id: 'issue' }, query: fc.record({ at: fc.constantFrom(new Date().toISOString(), '2030-01-01') }) },
  { method: 'GET', path: '/audit/export', caller: 'auditor', query: fc.record({ format: some(fc.constantFrom('jsonl', 'csv')), from: dateQuery }).map(withoutUndefined) },
  { method: 'GET', path: '/audit/verify', caller: 'auditor' },
  { method: 'GET', path: '/audit/anchor', caller: 'auditor' },
  { method: 'GET', path: '/kpis', caller: 'viewer', query: kpiQuery },
  { method: 'GET', path: '/kpis/areas', caller: 'viewer', query: kpiQuery.map(({ areaId: _areaId, ...period }) => period) },
  { method: 'GET', path: '/kpis/officers', caller: 'areaManager', query: kpiQuery },
  { method: 'GET', path: '/kpis/resolution-times', caller: 'viewer', query: kpiQuery },
  { method: 'GET', path: '/projections', caller: 'viewer' },
  { method: 'GET', path: '/service-levels', caller: 'officer' },
  { method: 'GET', path: '/events/stream', caller: 'viewer' },
  { method: 'GET', path: '/public/issues/:reference', caller: 'anonymous', params: { reference: 'reference' } },
  { method: 'GET', path: '/public/you-said-we-did', caller: 'anonymous', query: fc.record({ areaId: some(fc.constant(AREA)), limit: some(fc.constant('5')), offset: some(fc.constant('1')) }).map(withoutUndefined) },
  { method: 'GET', path: '/areas/:areaId/scorecard', caller: 'anonymous', params: { areaId: 'area' }, query: fc.record({ quarters: some(fc.constantFrom('1', '4', '12')) }).map(withoutUndefined) },
  { method: 'GET', path: '/scorecards/indicators', caller: 'anonymous' },
  { method: 'GET', path: '/areas', caller: 'anonymous' },
  { method: 'GET', path: '/categories', caller: 'anonymous' },
  { method: 'GET', path: '/health', caller: 'anonymous' },
  { method: 'GET', path: '/metrics', caller: 'viewer' },
  { method: 'GET', path: '/dashboard', caller: 'anonymous' },
  { method: 'GET', path: '/dashboard/:file', caller: 'anonymous', params: { file: 'pageFile' } },
  { method: 'GET', path: '/assets/:file', caller: 'anonymous', params: { file: 'asset' } },
  { method: 'GET', path: '/favicon.ico', caller: 'anonymous' },
  { method: 'GET', path: '/favicon.svg', caller: 'anonymous' },
  { method: 'GET', path: '/docs-json', caller: 'anonymous' },
  // Open311 GeoReport v2: anonymous clients with an API key, form-encoded posts
  { method: 'POST', path: '/open311/v2/requests.:format', caller: 'anonymous', params: { format: 'format' }, body: open311Request, bodyKind: 'form' },
  { method: 'GET', path: '/open311/v2/services.:format', caller: 'anonymous', params: { format: 'format' }, query: open311Read.map(withoutUndefined) },
  { method: 'GET', path: '/open311/v2/services/:code.:format', caller: 'anonymous', params: { code: 'category', format: 'format' }, query: open311Read.map(withoutUndefined) },
  {
    method: 'GET',
    path: '/open311/v2/requests.:format',
    caller: 'anonymous',
    params: { format: 'format' },
    query: fc
      .record({ status: some(fc.constantFrom('open', 'closed')), service_code: some(fc.constant('highways')), start_date: some(fc.constant('2026-01-01T00:00:00Z')), api_key: some(fc.constant(OPEN311_KEY)) })
      .map(withoutUndefined),
  },
  { method: 'GET', path: '/open311/v2/requests/:id.:format', caller: 'anonymous', params: { id: 'reference', format: 'format' }, query: open311Read.map(withoutUndefined) },
  { method: 'GET', path: '/open311/v2/tokens/:token.:format', caller: 'anonymous', params: { token: 'any', format: 'format' } },
  {
    method: 'GET',
    path: '/open311/v2/servicerequestupdates.:format',
    caller: 'anonymous',
    params: { format: 'format' },
    query: fc.record({ start_date: some(fc.constant('2026-01-01T00:00:00Z')), end_date: some(fc.constant('2099-01-01T00:00:00Z')) }).map(withoutUndefined),
  },
];

/** A route the fuzzer has no table entry for (added since): every parameter any string, an admin calling. */
export function genericSpec(method: string, path: string): RouteSpec {
  const params = Object.fromEntries([...path.matchAll(/:(\w+)/g)].map(([, name]) => [name, name === 'format' ? ('format' as const) : ('any' as const)]));
  return { method, path, caller: 'admin', params, ...(['POST', 'PUT', 'PATCH'].includes(method) && { body: fc.constant({}) }) };
}
