import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { INDICATORS, ROLES, type Role, SCORECARD_SIZE } from '@app/lifecycle';
import { COMMAND_BODIES, type IssueBody, raise } from './support/issueRequests';
import { bearer, STORES, useTestApp } from './support/testApp';

/*
 * The access matrix (API.md, "Authentication and roles"): every route the API serves, read off
 * the running app's router, against the table below: who may call it (anonymous callers, each of
 * the six roles), and for area-scoped routes whether a member of staff may reach a target outside
 * the areas of their token. Each cell is one real request:
 *   anonymous where not allowed → 401; a role not allowed → 403; outside the token's areas → 403;
 *   allowed → neither 401 nor 403 (the request may still be refused for other reasons: 404, 409, 422).
 * Every answer is also below 500, and no error body carries a stack trace.
 * A route the API serves that the table does not name FAILS the first test: adding a route means
 * deciding here who may call it. A table row for a route no longer served fails it too.
 */

const IN_AREA = 'trowbridge';
const OUT_AREA = 'melksham';
/** Every member of staff holds a token for IN_AREA only; admin serves every area whatever its token says. */
const TOKENS: Record<Role, string> = Object.fromEntries(ROLES.map((role) => [role, bearer(role, [IN_AREA], `${role}-matrix`)])) as Record<Role, string>;

/** What a cell's request aims at: an issue of an area, the area itself. */
interface Target {
  readonly areaId: string;
  readonly issue: IssueBody;
  /** A board meeting of the area. */
  readonly meetingId: string;
}

interface CellRequest {
  readonly path: string;
  readonly body?: unknown;
  /** Defaults to application/json when there is a body. */
  readonly contentType?: string;
}

interface Rule {
  /** Who may: anyone (anonymous included), or these roles (admin always, as in the access guard). */
  readonly may: 'anyone' | readonly Role[];
  /**
   * `scoped`: staff reach targets in their token's areas only (outside: 403);
   * `everywhere`: the route deliberately serves every area (checked from both sides);
   * absent: the route has no target area.
   */
  readonly area?: 'scoped' | 'everywhere';
  /** How the bearer token travels: the Authorization header, or `?access_token=` (EventSource). */
  readonly tokenIn?: 'header' | 'query';
  /** A variant's name, when one route has several rows. */
  readonly label?: string;
  /** Under `scoped`, roles that still reach every area (an auditor reads any issue's timeline). */
  readonly everywhereFor?: readonly Role[];
  /** Every caller, whatever its token, is refused with this: something other than the token decides (an Open311 API key). */
  readonly refusedToAll?: 403;
  readonly request: (target: Target) => CellRequest;
}

const STAFF: readonly Role[] = ['areaManager', 'boardChair', 'officer', 'auditor'];
const VIEWER_AND_STAFF: readonly Role[] = ['viewer', ...STAFF];
const ADMIN_ONLY: readonly Role[] = [];

const TODAY = new Date().toISOString().slice(0, 10);
const QUARTER = `${TODAY.slice(0, 4)}-Q${Math.floor(Number(TODAY.slice(5, 7)) / 3.01) + 1}`;
const RECORDED = INDICATORS.find((indicator) => indicator.source === 'recorded')!.id;
const CHOSEN = INDICATORS.slice(0, SCORECARD_SIZE.min).map((indicator) => indicator.id);

const get = (path: string) => () => ({ path });
const intakeBody = (areaId: string, channel: string) => ({
  title: 'Broken streetlight on Mill Lane',
  description: 'The light outside number 3 has been out for a week.',
  category: 'highways',
  areaId,
  channel,
  raisedBy: { name: 'Matrix Resident' },
});
/** The Open311 client key the test app is configured with (OPEN311_KEYS_FILE). */
const OPEN311_KEY = 'matrix-open311-key';
const keysDir = mkdtempSync(join(tmpdir(), 'access-matrix-'));
writeFileSync(join(keysDir, 'open311Keys.json'), JSON.stringify([{ key: OPEN311_KEY, client: 'Access matrix' }]));
afterAll(() => rmSync(keysDir, { recursive: true, force: true }));
const FORMATS = ['json', 'xml'] as const;
/** An Open311 read in both formats: anonymous, with `api_key` and `jurisdiction_id` as clients send on every call. */
const open311Read = (path: (format: string, target: Target) => string, area?: Rule['area']): Rule[] =>
  FORMATS.map((format) => ({ label: format, may: 'anyone', area, request: (target) => ({ path: `/open311/v2/${path(format, target)}` }) }));
/** A GeoReport v2 POST service request, form-encoded as the spec sends it. */
const open311Post = (areaId: string, apiKey?: string) =>
  new URLSearchParams({
    service_code: 'highways',
    'attribute[area]': areaId,
    address_string: 'Mill Lane',
    description: 'A broken streetlight outside number 3.',
    first_name: 'Matrix',
    jurisdiction_id: 'wiltshire',
    ...(apiKey !== undefined && { api_key: apiKey }),
  }).toString();
const FORM = 'application/x-www-form-urlencoded';

const command = (name: string, may: readonly Role[]): Rule => ({
  may,
  area: 'scoped',
  request: ({ issue }) => ({ path: `/issues/${issue.id}/${name}`, body: { expectedVersion: issue.version, ...COMMAND_BODIES[name] } }),
});

/** Every route the API serves: `METHOD path` as the router knows it → its rows. */
const MATRIX: Record<string, readonly Rule[]> = {
  // Reference data and intake: a public intake form needs them.
  'GET /areas': [{ may: 'anyone', request: get('/areas') }],
  'GET /categories': [{ may: 'anyone', request: get('/categories') }],
  'POST /issues': [
    { label: 'online', may: 'anyone', area: 'scoped', request: ({ areaId }) => ({ path: '/issues', body: intakeBody(areaId, 'online') }) },
    { label: 'by phone (staff only)', may: ROLES, area: 'scoped', request: ({ areaId }) => ({ path: '/issues', body: intakeBody(areaId, 'phone') }) },
  ],
  // The workflow's commands (API.md, "Commands": the roles column).
  'POST /issues/:id/refer': [command('refer', ['areaManager'])],
  'POST /issues/:id/board-review': [command('board-review', ['areaManager'])],
  'POST /issues/:id/roundtable': [command('roundtable', ['boardChair'])],
  'POST /issues/:id/resolve': [command('resolve', ['areaManager', 'boardChair', 'officer'])],
  'POST /issues/:id/feed-back': [command('feed-back', ['areaManager'])],
  'POST /issues/:id/reopen': [command('reopen', ['areaManager'])],
  'POST /issues/:id/withdraw': [command('withdraw', ['areaManager'])],
  'POST /issues/:id/assign': [command('assign', ['areaManager', 'boardChair'])],
  'POST /issues/:id/notes': [command('notes', ['areaManager', 'boardChair', 'officer'])],
  'POST /issues/:id/await-resident': [command('await-resident', ['areaManager', 'officer'])],
  'POST /issues/:id/resident-replied': [command('resident-replied', ['areaManager', 'officer'])],
  'POST /issues/:id/record-confirmation': [command('record-confirmation', ['areaManager'])],
  // Moving an issue to new rules is the council's decision: admin only, like erasure.
  'POST /issues/:id/upgrade-workflow': [
    { may: ADMIN_ONLY, area: 'everywhere', request: ({ issue }) => ({ path: `/issues/${issue.id}/upgrade-workflow`, body: {} }) },
  ],
  'POST /issues/:id/erase-personal-data': [
    { may: ADMIN_ONLY, area: 'everywhere', request: ({ issue }) => ({ path: `/issues/${issue.id}/erase-personal-data`, body: {} }) },
  ],
  // Staff reads: the read model holds personal data, so not viewers.
  'GET /issues': [{ may: STAFF, area: 'scoped', request: ({ areaId }) => ({ path: `/issues?areaId=${areaId}` }) }],
  'GET /issues/:id': [{ may: STAFF, area: 'scoped', request: ({ issue }) => ({ path: `/issues/${issue.id}` }) }],
  // The console's issue page: staff of the issue's area; an auditor reads any issue's, as its history.
  'GET /issues/:id/timeline': [{ may: STAFF, area: 'scoped', everywhereFor: ['auditor'], request: ({ issue }) => ({ path: `/issues/${issue.id}/timeline` }) }],
  // Who the token says the caller is: any member of staff.
  'GET /me': [{ may: VIEWER_AND_STAFF, request: get('/me') }],
  // Audit: an auditor audits the whole store (verify and export cover every area anyway).
  'GET /issues/:id/history': [{ may: ['auditor'], area: 'everywhere', request: ({ issue }) => ({ path: `/issues/${issue.id}/history` }) }],
  'GET /issues/:id/state': [
    { may: ['auditor'], area: 'everywhere', request: ({ issue }) => ({ path: `/issues/${issue.id}/state?at=${encodeURIComponent(new Date().toISOString())}` }) },
  ],
  'GET /audit/export': [{ may: ['auditor'], request: get('/audit/export?format=jsonl') }],
  'GET /audit/verify': [{ may: ['auditor'], request: get('/audit/verify') }],
  'GET /audit/anchor': [{ may: ['auditor'], request: get('/audit/anchor') }],
  'POST /admin/import': [{ may: ADMIN_ONLY, request: () => ({ path: '/admin/import', body: '{}\n', contentType: 'application/x-ndjson' }) }],
  // Dashboards: viewers and staff, each over the areas of their token.
  'GET /kpis': [{ may: VIEWER_AND_STAFF, area: 'scoped', request: ({ areaId }) => ({ path: `/kpis?areaId=${areaId}` }) }],
  'GET /kpis/areas': [{ may: VIEWER_AND_STAFF, request: get('/kpis/areas') }],
  'GET /kpis/officers': [{ may: VIEWER_AND_STAFF, area: 'scoped', request: ({ areaId }) => ({ path: `/kpis/officers?areaId=${areaId}` }) }],
  'GET /kpis/resolution-times': [{ may: VIEWER_AND_STAFF, area: 'scoped', request: ({ areaId }) => ({ path: `/kpis/resolution-times?areaId=${areaId}` }) }],
  'GET /projections': [{ may: VIEWER_AND_STAFF, request: get('/projections') }],
  // The service-level policy in force (API.md, "Deadlines and service levels"): it holds no personal data.
  'GET /service-levels': [{ may: VIEWER_AND_STAFF, request: get('/service-levels') }],
  // An unknown name: a 404 shows the caller got past the guard, without rebuilding anything.
  'POST /projections/:name/rebuild': [{ may: ADMIN_ONLY, request: () => ({ path: '/projections/no-such-projection/rebuild', body: {} }) }],
  'GET /events/stream': [
    { may: VIEWER_AND_STAFF, request: get('/events/stream') },
    { label: 'token in ?access_token=', may: VIEWER_AND_STAFF, tokenIn: 'query', request: get('/events/stream') },
  ],
  'GET /metrics': [{ may: ['viewer', 'auditor'], request: get('/metrics') }],
  'GET /health': [{ may: 'anyone', request: get('/health') }],
  // Scorecards: the menu and the figures are public; choosing and recording are the area's staff's.
  'GET /scorecards/indicators': [{ may: 'anyone', request: get('/scorecards/indicators') }],
  'GET /areas/:areaId/scorecard': [{ may: 'anyone', area: 'everywhere', request: ({ areaId }) => ({ path: `/areas/${areaId}/scorecard` }) }],
  'PUT /areas/:areaId/scorecard': [
    { may: ['areaManager'], area: 'scoped', request: ({ areaId }) => ({ path: `/areas/${areaId}/scorecard`, body: { indicators: CHOSEN, chosenAt: TODAY } }) },
  ],
  'POST /areas/:areaId/scorecard/figures': [
    {
      may: ['officer', 'areaManager'],
      area: 'scoped',
      request: ({ areaId }) => ({ path: `/areas/${areaId}/scorecard/figures`, body: { indicator: RECORDED, quarter: QUARTER, value: 3 } }),
    },
  ],
  // Board meetings: public to read; scheduling is the area's manager's or chair's, the minutes its chair's.
  'POST /areas/:areaId/meetings': [
    { may: ['areaManager', 'boardChair'], area: 'scoped', request: ({ areaId }) => ({ path: `/areas/${areaId}/meetings`, body: { date: TODAY, venue: 'Matrix Hall' } }) },
  ],
  'GET /areas/:areaId/meetings': [{ may: 'anyone', area: 'everywhere', request: ({ areaId }) => ({ path: `/areas/${areaId}/meetings` }) }],
  'GET /meetings/:id': [{ may: 'anyone', area: 'everywhere', request: ({ meetingId }) => ({ path: `/meetings/${meetingId}` }) }],
  'GET /meetings/:id/agenda': [{ may: 'anyone', area: 'everywhere', request: ({ meetingId }) => ({ path: `/meetings/${meetingId}/agenda` }) }],
  'GET /meetings/:id/agenda.html': [{ may: 'anyone', area: 'everywhere', request: ({ meetingId }) => ({ path: `/meetings/${meetingId}/agenda.html` }) }],
  'POST /meetings/:id/minutes': [{ may: ['boardChair'], area: 'scoped', request: ({ meetingId }) => ({ path: `/meetings/${meetingId}/minutes`, body: { text: 'Minutes' } }) }],
  // Messages to residents: staff of the issue's area (an auditor reads any issue's, as its timeline);
  // the print queue and the call list filter to the caller's areas; an unknown id is 404 to those let in.
  'GET /issues/:id/notifications': [
    { may: STAFF, area: 'scoped', everywhereFor: ['auditor'], request: ({ issue }) => ({ path: `/issues/${issue.id}/notifications` }) },
  ],
  'GET /notifications': [{ may: ['areaManager', 'boardChair', 'officer'], request: get('/notifications?channel=phone&status=pending') }],
  'POST /notifications/:id/done': [
    { may: ['areaManager', 'boardChair', 'officer'], request: () => ({ path: '/notifications/00000000-0000-4000-8000-000000000000/done', body: {} }) },
  ],
  'GET /letters': [{ may: ['areaManager', 'boardChair', 'officer'], request: get('/letters?status=pending') }],
  'GET /letters/:id.pdf': [{ may: ['areaManager', 'boardChair', 'officer'], request: get('/letters/00000000-0000-4000-8000-000000000000.pdf') }],
  // The resident's answer by the link in the outcome message: the token decides, not a bearer (an empty body is 400 to all).
  'POST /public/issues/:reference/confirm': [{ may: 'anyone', request: ({ issue }) => ({ path: `/public/issues/${issue.reference}/confirm`, body: {} }) }],
  'POST /public/issues/:reference/dispute': [{ may: 'anyone', request: ({ issue }) => ({ path: `/public/issues/${issue.reference}/dispute`, body: {} }) }],
  // Public reads: anyone, no personal data.
  'GET /public/issues/:reference': [{ may: 'anyone', area: 'everywhere', request: ({ issue }) => ({ path: `/public/issues/${issue.reference}` }) }],
  'GET /public/you-said-we-did': [{ may: 'anyone', request: get('/public/you-said-we-did') }],
  // Page shells and their assets: open to anyone; the figures they show need a token.
  'GET /dashboard': [{ may: 'anyone', request: get('/dashboard') }],
  'GET /dashboard/:file': [{ may: 'anyone', request: get('/dashboard/dashboard.js') }],
  'GET /favicon.ico': [{ may: 'anyone', request: get('/favicon.ico') }],
  'GET /favicon.svg': [{ may: 'anyone', request: get('/favicon.svg') }],
  'GET /assets/:file': [{ may: 'anyone', request: get('/assets/chart.umd.js') }],
  'GET /console': [{ may: 'anyone', request: get('/console') }],
  'GET /report': [{ may: 'anyone', request: get('/report') }],
  'GET /track/:reference': [{ may: 'anyone', request: get('/track/TROW-2026-00001') }],
  'GET /web/:file': [{ may: 'anyone', request: get('/web/console.js') }],
  // Open311 GeoReport v2 (API.md, "Interoperability"): anyone reads; posting needs an API key, not a token.
  // A staff token sent along still counts: staff log issues only in their areas, as with POST /issues.
  'GET /open311/v2/services.:format': open311Read((format) => `services.${format}?jurisdiction_id=wiltshire`),
  'GET /open311/v2/services/:code.:format': open311Read((format) => `services/highways.${format}`),
  'POST /open311/v2/requests.:format': [
    ...FORMATS.map((format): Rule => ({
      label: `${format}, with the API key`,
      may: 'anyone',
      area: 'scoped',
      request: ({ areaId }) => ({ path: `/open311/v2/requests.${format}`, body: open311Post(areaId, OPEN311_KEY), contentType: FORM }),
    })),
    ...[undefined, 'not-a-key'].map((apiKey): Rule => ({
      label: apiKey === undefined ? 'without api_key' : 'with a wrong api_key',
      may: 'anyone',
      refusedToAll: 403,
      request: ({ areaId }) => ({ path: '/open311/v2/requests.json', body: open311Post(areaId, apiKey), contentType: FORM }),
    })),
  ],
  'GET /open311/v2/requests.:format': open311Read((format, { issue }) => `requests.${format}?service_request_id=${issue.reference}&api_key=${OPEN311_KEY}`),
  'GET /open311/v2/requests/:id.:format': open311Read((format, { issue }) => `requests/${issue.reference}.${format}?jurisdiction_id=wiltshire`, 'everywhere'),
  'GET /open311/v2/tokens/:token.:format': open311Read((format, { issue }) => `tokens/${issue.reference}.${format}`),
  'GET /open311/v2/servicerequestupdates.:format': open311Read((format) => `servicerequestupdates.${format}`),
  // The OpenAPI UI and document (API.md, "Operations"): served by Swagger beside the guarded routes.
  'GET /docs': [{ may: 'anyone', request: get('/docs') }],
  'GET /docs/': [{ may: 'anyone', request: get('/docs/') }],
  'GET /docs/index.html': [{ may: 'anyone', request: get('/docs/index.html') }],
  'GET /docs/swagger-ui-init.js': [{ may: 'anyone', request: get('/docs/swagger-ui-init.js') }],
  'GET /docs/docs/swagger-ui-init.js': [{ may: 'anyone', request: get('/docs/docs/swagger-ui-init.js') }],
  'GET /docs/LICENSE': [{ may: 'anyone', request: get('/docs/LICENSE') }],
  'GET /docs-json': [{ may: 'anyone', request: get('/docs-json') }],
  'GET /docs-yaml': [{ may: 'anyone', request: get('/docs-yaml') }],
};

/** Who asks in a cell: nobody, or a role, at a target inside or outside its token's areas. */
interface Cell {
  readonly caller: 'anonymous' | Role;
  readonly outside: boolean;
}

function cellsOf(rule: Rule): Cell[] {
  const cells: Cell[] = [{ caller: 'anonymous', outside: false }];
  for (const role of ROLES) {
    cells.push({ caller: role, outside: false });
    if (rule.area) cells.push({ caller: role, outside: true });
  }
  return cells;
}

type Expected = 'allowed' | 401 | 403;

/** The table's verdict for a cell. */
function expectedFor(rule: Rule, { caller, outside }: Cell): Expected {
  if (rule.refusedToAll) return rule.refusedToAll;
  if (rule.may === 'anyone' && (caller === 'anonymous' || !outside || rule.area !== 'scoped')) return 'allowed';
  if (caller === 'anonymous') return 401;
  if (rule.may !== 'anyone' && caller !== 'admin' && !rule.may.includes(caller)) return 403;
  if (outside && rule.area === 'scoped' && caller !== 'admin' && !rule.everywhereFor?.includes(caller)) return 403;
  return 'allowed';
}

const CELL_COUNT = Object.values(MATRIX)
  .flat()
  .reduce((sum, rule) => sum + cellsOf(rule).length, 0);

/**
 * Every `METHOD path` the app's Express router serves. Nest registers middleware bound to every
 * route (`forRoutes('*')`) as all-method `/{*path}` layers: those are not routes and are left out.
 */
function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
  const routes = new Set<string>();
  for (const { route } of express.router.stack) {
    if (!route) continue;
    const methods = Object.keys(route.methods).filter((method) => method !== '_all');
    if (route.path === '/{*path}' && methods.length > 20) continue;
    for (const method of methods) routes.add(`${method.toUpperCase()} ${route.path}`);
  }
  return [...routes].sort();
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** One raw request; an event stream is cut as soon as its status is known (it would never end). */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (response) => {
      if (String(response.headers['content-type']).startsWith('text/event-stream')) {
        response.destroy();
        resolve({ status: response.statusCode!, body: '' });
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    call.on('error', reject);
    call.setTimeout(15_000, () => call.destroy(new Error(`${method} ${path} did not answer within 15 s`)));
    call.end(body);
  });
}

/** Traces of the server's insides that an error body must never show. */
const STACK_TRACE = /\n\s+at \S|\(\/[^)]*:\d+:\d+\)|node_modules|\.ts:\d+|"stack"\s*:/;

describe.each(STORES)('the access matrix on %s', (kind) => {
  const api = useTestApp(kind, { OPEN311_KEYS_FILE: join(keysDir, 'open311Keys.json') });
  let port: number;
  let inside: Target;
  let outside: Target;
  let checked = 0;

  beforeAll(async () => {
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
    const meetingIn = async (areaId: string) =>
      (await api.http.post(`/areas/${areaId}/meetings`).set('Authorization', TOKENS.admin).send({ date: TODAY, venue: 'Matrix Hall' }).expect(201)).body.id as string;
    inside = { areaId: IN_AREA, issue: await raise(api.http, { areaId: IN_AREA }, TOKENS.admin), meetingId: await meetingIn(IN_AREA) };
    outside = { areaId: OUT_AREA, issue: await raise(api.http, { areaId: OUT_AREA }, TOKENS.admin), meetingId: await meetingIn(OUT_AREA) };
  });

  it('names every route the API serves, and only those', () => {
    const served = servedRoutes(api.app);
    const tabled = Object.keys(MATRIX).sort();
    expect({ servedButNotInTheMatrix: served.filter((route) => !tabled.includes(route)), inTheMatrixButNotServed: tabled.filter((route) => !served.includes(route)) }).toEqual({
      servedButNotInTheMatrix: [],
      inTheMatrixButNotServed: [],
    });
  });

  it.each(Object.keys(MATRIX))('%s: every cell answers as the table says', async (route) => {
    const method = route.slice(0, route.indexOf(' '));
    const mismatches: string[] = [];
    for (const rule of MATRIX[route]) {
      for (const cell of cellsOf(rule)) {
        const wanted = expectedFor(rule, cell);
        const { path, body, contentType } = rule.request(cell.outside ? outside : inside);
        const headers: Record<string, string> = {};
        let url = path;
        if (cell.caller !== 'anonymous') {
          const token = TOKENS[cell.caller];
          if (rule.tokenIn === 'query') url += `${url.includes('?') ? '&' : '?'}access_token=${token.slice('Bearer '.length)}`;
          else headers.Authorization = token;
        }
        const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
        if (payload !== undefined) headers['Content-Type'] = contentType ?? 'application/json';
        const answer = await send(port, method, url, headers, payload);
        checked++;
        const where = `${rule.label ? `[${rule.label}] ` : ''}${cell.caller}${cell.outside ? ' outside its areas' : ''}`;
        const allowed = answer.status !== 401 && answer.status !== 403;
        if (wanted === 'allowed' ? !allowed : answer.status !== wanted) {
          mismatches.push(`${where}: expected ${wanted}, got ${answer.status} ${answer.body.slice(0, 160)}`);
        }
        if (answer.status >= 500) mismatches.push(`${where}: ${answer.status} ${answer.body.slice(0, 300)}`);
        if (answer.status >= 400 && STACK_TRACE.test(answer.body)) mismatches.push(`${where}: the error body shows a stack trace: ${answer.body.slice(0, 300)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it(`checked all ${CELL_COUNT} cells`, () => {
    expect(checked).toBe(CELL_COUNT);
  });
});
