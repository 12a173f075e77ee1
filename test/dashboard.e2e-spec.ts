import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { mintToken } from '../apps/api/src/auth/token';
import { type Browser, launchChromium, watchProblems } from './support/browser';
import { admin, command, type IssueBody, manager, raise } from './support/issueRequests';
import { bearer, JWT_SECRET, newStoreLocation, removeStoreLocation, startTestApp, type StoreLocation, type TestApp } from './support/testApp';

/*
 * The dashboard in a real headless Chromium (Debian's chromium, driven by playwright-core), on the
 * real app over a fresh SQLite store, seeded through the HTTP commands. Every expected figure is
 * worked out here from what was seeded, by the contract's definitions, never read off the page.
 */

const DAY = 86_400_000;
const TODAY = new Date();
/** `days` before today at `hour`:00 UTC: in the past, and far from midnight so months and dates read the same in London. */
const at = (days: number, hour = 12) => new Date(Date.UTC(TODAY.getUTCFullYear(), TODAY.getUTCMonth(), TODAY.getUTCDate() - days, hour));
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const month = (date: Date) => date.toISOString().slice(0, 7);

type Channel = 'online' | 'email' | 'phone' | 'letter' | 'meeting';
interface Step {
  readonly command: string;
  readonly at: Date;
  readonly body?: Record<string, unknown>;
}
interface Seed {
  readonly areaId: string;
  readonly channel: Channel;
  readonly loggedAt: Date;
  readonly steps: readonly Step[];
}

/** Seven issues in two areas, over every channel and status, resolved in each time-to-resolve bucket. */
const SEEDS: readonly Seed[] = [
  {
    areaId: 'trowbridge', channel: 'online', loggedAt: at(40),
    steps: [
      { command: 'refer', at: at(38) },
      { command: 'resolve', at: at(35) },
      { command: 'feed-back', at: at(33) },
      // The resident disputes the outcome by letter: the issue is logged again.
      { command: 'record-confirmation', at: at(30), body: { confirmed: false, reason: 'Still flooding', channel: 'letter' } },
    ],
  },
  {
    areaId: 'trowbridge', channel: 'email', loggedAt: at(20),
    steps: [{ command: 'board-review', at: at(18) }, { command: 'roundtable', at: at(15) }, { command: 'resolve', at: at(8) }],
  },
  {
    areaId: 'trowbridge', channel: 'phone', loggedAt: at(10, 6),
    steps: [
      { command: 'refer', at: at(10, 9) },
      { command: 'resolve', at: at(10, 18) },
      { command: 'feed-back', at: at(5) },
      { command: 'record-confirmation', at: at(4), body: { confirmed: true, channel: 'phone' } },
    ],
  },
  {
    areaId: 'trowbridge', channel: 'letter', loggedAt: at(6),
    steps: [{ command: 'board-review', at: at(5) }, { command: 'assign', at: at(4), body: { dueBy: isoDate(at(2)) } }],
  },
  { areaId: 'melksham', channel: 'meeting', loggedAt: at(3), steps: [{ command: 'withdraw', at: at(2) }] },
  { areaId: 'trowbridge', channel: 'online', loggedAt: at(1), steps: [] },
  {
    areaId: 'melksham', channel: 'email', loggedAt: at(100),
    steps: [{ command: 'refer', at: at(99) }, { command: 'resolve', at: at(4) }],
  },
];

// ------------------------------------------------------------------ the figures the seeds imply
const STATUS_AFTER: Record<string, string> = {
  refer: 'referred', 'board-review': 'boardReview', roundtable: 'roundtable', resolve: 'resolved', 'feed-back': 'fedBack', withdraw: 'withdrawn',
};
const STATUS_WORDS: Record<string, string> = {
  logged: 'Logged', referred: 'Referred', boardReview: 'Board review', roundtable: 'Roundtable', resolved: 'Resolved', fedBack: 'Fed back', withdrawn: 'Withdrawn', awaitingResident: 'Awaiting resident',
};
const CHANNEL_WORDS: Record<Channel, string> = { online: 'Online', email: 'Email', phone: 'Phone', letter: 'Letter', meeting: 'Meeting' };
/** Time-to-resolve buckets, [from, to) days; nothing seeded sits on an edge, so < or <= cannot matter. */
const BUCKETS: ReadonlyArray<readonly [string, number]> = [['< 1 day', 1], ['1–7 days', 7], ['7–30 days', 30], ['30–90 days', 90], ['> 90 days', Infinity]];

interface Facts {
  readonly seed: Seed;
  readonly status: string;
  readonly reachedBoardReview: boolean;
  readonly reachedRoundtable: boolean;
  readonly resolvedAt?: Date;
  readonly fedBackAt?: Date;
  readonly confirmed: boolean;
  readonly disputed: boolean;
  readonly dueBy?: string;
}
const answered = (step: Step, confirmed: boolean) => step.command === 'record-confirmation' && step.body?.confirmed === confirmed;
function factsOf(seed: Seed): Facts {
  let status = 'logged';
  // A dispute reopens the issue; a confirmation leaves it fed back.
  for (const step of seed.steps) status = answered(step, false) ? 'logged' : (STATUS_AFTER[step.command] ?? status);
  const when = (name: string) => seed.steps.find((step) => step.command === name)?.at;
  return {
    seed,
    status,
    reachedBoardReview: seed.steps.some((step) => step.command === 'board-review'),
    reachedRoundtable: seed.steps.some((step) => step.command === 'roundtable'),
    resolvedAt: when('resolve'),
    fedBackAt: when('feed-back'),
    confirmed: seed.steps.some((step) => answered(step, true)),
    disputed: seed.steps.some((step) => answered(step, false)),
    dueBy: seed.steps.find((step) => step.command === 'assign')?.body?.dueBy as string | undefined,
  };
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const rate = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole, 4));
const nearestRank = (values: number[], percent: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.max(1, Math.ceil((percent / 100) * sorted.length)) - 1], 2);
};
/** How the page shows each kind of figure: rates as percentages, days with 2 decimals, nothing as a dash. */
const shown = {
  count: (value: number) => String(value),
  percent: (value: number) => `${(value * 100).toFixed(1)}%`,
  days: (value: number | null) => (value === null ? '—' : value.toFixed(2)),
};

function expectedFigures(facts: readonly Facts[]) {
  const raised = facts.length;
  const count = (test: (fact: Facts) => boolean) => facts.filter(test).length;
  const resolvedOnes = facts.filter((fact) => fact.status === 'resolved' || fact.status === 'fedBack');
  const withdrawn = count((fact) => fact.status === 'withdrawn');
  const fedBack = count((fact) => fact.status === 'fedBack');
  const boardReviews = count((fact) => fact.reachedBoardReview);
  const daysToResolve = facts.filter((fact) => fact.resolvedAt).map((fact) => (fact.resolvedAt!.getTime() - fact.seed.loggedAt.getTime()) / DAY);
  const daysToFeedBack = facts.filter((fact) => fact.fedBackAt).map((fact) => (fact.fedBackAt!.getTime() - fact.resolvedAt!.getTime()) / DAY);
  const open = (fact: Facts) => !['resolved', 'fedBack', 'withdrawn'].includes(fact.status);
  const byChannel = (channel: Channel) => count((fact) => fact.seed.channel === channel);
  return {
    tiles: {
      raised: shown.count(raised),
      resolved: shown.count(resolvedOnes.length),
      resolutionRate: shown.percent(rate(resolvedOnes.length, raised - withdrawn)),
      electronicShare: shown.percent(rate(byChannel('online') + byChannel('email'), raised)),
      medianDaysToResolve: shown.days(nearestRank(daysToResolve, 50)),
      p90DaysToResolve: shown.days(nearestRank(daysToResolve, 90)),
      fedBackRate: shown.percent(rate(fedBack, resolvedOnes.length)),
      medianDaysToFeedBack: shown.days(nearestRank(daysToFeedBack, 50)),
      // Over the issues ever fed back.
      confirmedRate: shown.percent(rate(count((fact) => fact.confirmed), daysToFeedBack.length)),
      disputedRate: shown.percent(rate(count((fact) => fact.disputed), daysToFeedBack.length)),
      boardReviews: shown.count(boardReviews),
      roundtableRate: shown.percent(rate(count((fact) => fact.reachedRoundtable), boardReviews)),
      overdue: shown.count(count((fact) => open(fact) && fact.dueBy !== undefined && fact.dueBy < isoDate(TODAY))),
    },
    statuses: Object.entries(STATUS_WORDS).map(([status, words]) => [words, String(count((fact) => fact.status === status))]),
    channels: (Object.keys(CHANNEL_WORDS) as Channel[]).map((channel) => [CHANNEL_WORDS[channel], String(byChannel(channel))]),
    buckets: BUCKETS.map(([label, below], index) => {
      const above = index === 0 ? 0 : BUCKETS[index - 1][1];
      return [label, String(daysToResolve.filter((days) => days >= above && days < below).length)];
    }),
    monthly: new Map(
      [...new Set(facts.flatMap((fact) => [month(fact.seed.loggedAt), ...(fact.resolvedAt ? [month(fact.resolvedAt)] : [])]))].map((key) => [
        key,
        [String(count((fact) => month(fact.seed.loggedAt) === key)), String(count((fact) => fact.resolvedAt !== undefined && month(fact.resolvedAt) === key))],
      ]),
    ),
  };
}
const ALL = SEEDS.map(factsOf);
const EXPECTED = expectedFigures(ALL);
const KPI_WORDS: Record<string, string> = {
  raised: 'Raised', resolved: 'Resolved', resolutionRate: 'Resolution rate', electronicShare: 'Electronic share',
  medianDaysToResolve: 'Median days to resolve', p90DaysToResolve: '90th percentile days to resolve', fedBackRate: 'Fed-back rate',
  medianDaysToFeedBack: 'Median days to feed back', confirmedRate: 'Confirmed rate', disputedRate: 'Disputed rate', boardReviews: 'Board reviews', roundtableRate: 'Roundtable rate', overdue: 'Overdue',
};

// ------------------------------------------------------------------ reading the page
async function tiles(page: Page): Promise<Record<string, string>> {
  const entries = await page.locator('[data-kpi]').evaluateAll((nodes) =>
    nodes.map((node): [string, string] => [node.getAttribute('data-kpi') ?? '', node.querySelector('.kpi__value')?.textContent ?? '']),
  );
  return Object.fromEntries(entries);
}
/** A table's body as rows of cell texts (the row header first). */
const rowsOf = (page: Page, selector: string) =>
  page.locator(`${selector} tbody tr`).evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
/** What the page keeps in its session storage. (Page code is passed as text: this program has no DOM types.) */
const stored = (page: Page) => page.evaluate<string[]>('Object.values(sessionStorage)');
/** Polls from here: the page's policy forbids evaluating strings in it, which waitForFunction would. */
async function waitForText(page: Page, selector: string, matches: (text: string) => boolean, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = (await page.locator(selector).first().textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
    if (matches(text)) return text;
    if (Date.now() > deadline) throw new Error(`${selector} shows "${text}" after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const waitForTile = (page: Page, key: string, value: string, timeout?: number) =>
  waitForText(page, `[data-kpi="${key}"] .kpi__value`, (text) => text === value, timeout);

describe('the dashboard page, in a real Chromium', () => {
  let location: StoreLocation;
  let api: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const viewerToken = bearer('viewer', ['*'], 'viewer-dashboard').slice('Bearer '.length);
  let indicatorNames: string[] = [];

  async function seed(): Promise<void> {
    for (const item of SEEDS) {
      let issue: IssueBody = await raise(api.http, { areaId: item.areaId, channel: item.channel, occurredAt: item.loggedAt.toISOString() }, admin);
      for (const step of item.steps) {
        const response = await command(api.http, issue, step.command, { occurredAt: step.at.toISOString(), ...step.body }, admin);
        if (response.status !== 200) throw new Error(`${step.command} failed: ${response.status} ${JSON.stringify(response.body)}`);
        issue = response.body as IssueBody;
      }
    }
    // Trowbridge chooses its scorecard: ten indicators from the menu.
    const menu = await api.http.get('/scorecards/indicators').expect(200);
    const chosen = (menu.body as Array<{ id: string; name: string }>).slice(0, 10);
    indicatorNames = chosen.map((indicator) => indicator.name);
    await api.http
      .put('/areas/trowbridge/scorecard')
      .set('Authorization', manager)
      .send({ indicators: chosen.map((indicator) => indicator.id), chosenAt: isoDate(at(1)) })
      .expect(200);
  }

  beforeAll(async () => {
    location = newStoreLocation('sqlite');
    api = await startTestApp(location);
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    await seed();
    browser = await launchChromium();
    page = await browser.context.newPage();
    problems = watchProblems(page);
    await page.goto(`${base}/dashboard#token=${viewerToken}`);
    await waitForTile(page, 'raised', EXPECTED.tiles.raised).catch(async (error: Error) => {
      const shown = await page.locator('#error').textContent();
      throw new Error(`${error.message}; the page says: ${shown}; problems: ${problems.join(' | ')}`);
    });
  }, 120_000);

  afterAll(async () => {
    // The browser first: its live feed holds a connection the server would wait for.
    await browser?.close();
    await api?.close();
    if (location) await removeStoreLocation(location);
  }, 60_000);

  it('serves the page shell, its assets, the charting library and a favicon to anyone', async () => {
    const html = await api.http.get('/dashboard').expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('/assets/chart.umd.js');
    await api.http.get('/dashboard/dashboard.js').expect(200).expect('Content-Type', /javascript/);
    await api.http.get('/dashboard/dashboard.css').expect(200).expect('Content-Type', /text\/css/);
    await api.http.get('/assets/chart.umd.js').expect(200).expect('Content-Type', /javascript/);
    await api.http.get('/favicon.ico').expect(200).expect('Content-Type', /image\//);
    await api.http.get('/favicon.svg').expect(200).expect('Content-Type', 'image/svg+xml');
    await api.http.get('/dashboard/index.html').expect(404);
    await api.http.get('/dashboard/..%2F..%2F..%2Fpackage.json').expect(404);
    // The browser's own request for the favicon.
    const favicon = await page.evaluate(async () => {
      const response = await fetch('/favicon.ico');
      return [response.status, response.headers.get('content-type')];
    });
    expect(favicon).toEqual([200, 'image/svg+xml']);
  });

  it('takes the token from #token=, keeps it in session storage and out of the address bar', async () => {
    expect(page.url()).toBe(`${base}/dashboard`);
    expect(await stored(page)).toContain(viewerToken);
  });

  it('shows each KPI, labelled in plain words, with the figures the seeded issues imply', async () => {
    const labels = await page.locator('[data-kpi] dt').allTextContents();
    expect(labels).toEqual(Object.values(KPI_WORDS));
    expect(await tiles(page)).toEqual(EXPECTED.tiles);
    if (process.env.SCREENSHOT === '1') {
      await page.waitForSelector('#scorecard-table tbody tr, #scorecard-message:not([hidden])');
      await page.screenshot({ path: join(__dirname, '..', 'docs', 'dashboard.png'), fullPage: true });
    }
  });

  it('shows issues by status, by channel, by time to resolve and by month in the tables behind the charts', async () => {
    expect(await rowsOf(page, '#table-status')).toEqual(EXPECTED.statuses);
    expect((await rowsOf(page, '#table-channel')).map(([channel, issues]) => [channel, issues])).toEqual(EXPECTED.channels);
    expect(await rowsOf(page, '#table-resolution')).toEqual(EXPECTED.buckets);
    const months = await rowsOf(page, '#table-monthly');
    for (const [key, figures] of EXPECTED.monthly) expect(months).toContainEqual([key, ...figures]);
    for (const [key, ...figures] of months) expect(figures).toEqual(EXPECTED.monthly.get(key) ?? ['0', '0']);
  });

  it('puts a captioned table behind every chart, opened by a real button', async () => {
    const charts = page.locator('[data-chart]');
    expect(await charts.count()).toBe(5);
    for (const name of ['monthly', 'status', 'channel', 'resolution', 'scorecard']) {
      const section = page.locator(`[data-chart="${name}"]`);
      const canvas = section.locator('canvas');
      expect(await canvas.getAttribute('role')).toBe('img');
      expect(await canvas.getAttribute('aria-label')).toMatch(/^(Bar|Line) chart of .{20,}/);
      expect((await section.locator('table caption').textContent())?.trim()).not.toBe('');
      expect(await section.locator('table tbody tr').count()).toBeGreaterThan(0);
      const toggle = section.locator('button.table-toggle');
      if ((await toggle.count()) === 0) {
        await expect(section.locator('table').isVisible()).resolves.toBe(true);
        continue;
      }
      expect(await section.locator('table').isVisible()).toBe(false);
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await section.locator('table').isVisible()).toBe(true);
    }
  });

  it('lists every area in a table, and shows an area scorecard with its trend', async () => {
    const rows = await rowsOf(page, '#areas-table');
    const raisedIn = (areaId: string) => String(ALL.filter((fact) => fact.seed.areaId === areaId).length);
    const resolvedIn = (areaId: string) =>
      String(ALL.filter((fact) => fact.seed.areaId === areaId && (fact.status === 'resolved' || fact.status === 'fedBack')).length);
    const figuresOf = (name: string) => rows.find(([head]) => head === name)?.slice(1, 3);
    expect(figuresOf('Trowbridge Area Board')).toEqual([raisedIn('trowbridge'), resolvedIn('trowbridge')]);
    expect(figuresOf('Melksham Area Board')).toEqual([raisedIn('melksham'), resolvedIn('melksham')]);
    expect(figuresOf('Amesbury Area Board') ?? ['0', '0']).toEqual(['0', '0']);

    // The busiest area's scorecard is shown first: Trowbridge's, with the ten indicators it chose.
    expect(await page.locator('#scorecard-area').inputValue()).toBe('trowbridge');
    const card = await api.http.get('/areas/trowbridge/scorecard?quarters=4').expect(200);
    const quarters = (card.body as { quarters: string[] }).quarters;
    expect(quarters).toHaveLength(4);
    const headers = await page.locator('#scorecard-table thead th').allTextContents();
    expect(headers).toEqual(['Indicator', ...quarters.map((quarter) => quarter.replace('-', ' ')), 'Trend']);
    const scorecard = await rowsOf(page, '#scorecard-table');
    expect(scorecard.map(([name]) => name.replace(/ \(.*\)$/, ''))).toEqual(indicatorNames);
    for (const row of scorecard) expect(row[5]).toMatch(/^(▲ Better|▼ Worse|■ Same|—)$/);
  });

  it('lets the keyboard reach the filters, with a visible focus ring', async () => {
    // Start from the page's title, as a reader who clicked there would.
    await page.click('.page-header h1');
    const reached: string[] = [];
    let ring = { style: '', width: 0 };
    for (let press = 0; press < 20 && !reached.includes('filter-to'); press += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<{ id: string; style: string; width: number }>(
        `(() => { const element = document.activeElement; const style = getComputedStyle(element);
          return { id: element.id, style: style.outlineStyle, width: parseFloat(style.outlineWidth) }; })()`,
      );
      reached.push(focused.id);
      if (focused.id === 'filter-area') ring = focused;
    }
    const order = ['filter-area', 'filter-from', 'filter-to'].map((id) => reached.indexOf(id));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
  });

  it('filters the figures by area and by dates', async () => {
    const trowbridge = ALL.filter((fact) => fact.seed.areaId === 'trowbridge');
    await page.selectOption('#filter-area', 'trowbridge');
    await waitForTile(page, 'raised', String(trowbridge.length));
    expect(await tiles(page)).toEqual(expectedFigures(trowbridge).tiles);

    const from = isoDate(at(15));
    const to = isoDate(at(2));
    await page.fill('#filter-from', from);
    await page.fill('#filter-to', to);
    const inRange = trowbridge.filter((fact) => isoDate(fact.seed.loggedAt) >= from && isoDate(fact.seed.loggedAt) < to);
    await waitForTile(page, 'raised', String(inRange.length));
    expect(await tiles(page)).toEqual(expectedFigures(inRange).tiles);

    await page.click('button[type="reset"]');
    await waitForTile(page, 'raised', EXPECTED.tiles.raised);
  });

  it('updates the figures from the live feed after a command, without reloading', async () => {
    await page.evaluate('window.notReloaded = true');
    await raise(api.http, { areaId: 'trowbridge', channel: 'online' });
    // Sooner than the 30-second poll: the server-sent event did it.
    await waitForTile(page, 'raised', String(SEEDS.length + 1), 5_000);
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    expect(await page.locator('#live-status').getAttribute('data-state')).toBe('live');
  });

  it('showed all that with no console error and no failed request', () => {
    expect(problems).toEqual([]);
  });

  it('asks for a token when it has none, and says so when one is refused', async () => {
    const fresh = await browser.context.newPage();
    const freshProblems = watchProblems(fresh);
    const asked: string[] = [];
    fresh.on('request', (request) => asked.push(new URL(request.url()).pathname));
    try {
      await fresh.goto(`${base}/dashboard`);
      await fresh.waitForSelector('#sign-in:not([hidden])');
      expect(await fresh.locator('#dashboard').isHidden()).toBe(true);
      expect(await fresh.evaluate('document.activeElement.id')).toBe('token-input');
      expect(asked.filter((path) => path.startsWith('/kpis') || path.startsWith('/events'))).toEqual([]);
      expect(freshProblems).toEqual([]);

      const forged = mintToken(`${JWT_SECRET}-not`, { sub: 'someone', name: 'Someone', role: 'viewer', areas: ['*'] });
      await fresh.fill('#token-input', forged);
      await fresh.keyboard.press('Enter');
      await waitForText(fresh, '#sign-in-message', (text) => /refused \(401/.test(text));
      expect(await stored(fresh)).not.toContain(forged);

      await fresh.fill('#token-input', viewerToken);
      await fresh.click('#sign-in-form button[type="submit"]');
      await waitForTile(fresh, 'raised', String(SEEDS.length + 1));
      expect(await stored(fresh)).toContain(viewerToken);
      // Only the forged token's refusals, nothing else.
      expect(freshProblems.filter((problem) => !/401/.test(problem))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
