import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { type Browser, watchProblems } from './support/browser';
import { startPagesApp, stopPagesApp } from './support/pagesApp';
import { eventually } from './support/eventually';
import { admin, command, type IssueBody } from './support/issueRequests';
import { newStoreLocation, removeStoreLocation, startTestApp, type StoreLocation, type TestApp } from './support/testApp';

/*
 * The residents' pages in a real headless Chromium, on the real app over a fresh SQLite store:
 * /report checked, sent (by address, by the browser's location, by a double click, offline, over
 * the rate limit) and each report checked through the API; /track/:reference after the issue is
 * walked to feedback through the API, showing its public steps and outcome and no personal data;
 * an unknown or malformed reference; axe-core on every state, at phone width and on a desktop.
 */

const PHONE_WIDTH = 375;
const DESKTOP_WIDTH = 1280;

// The resident's details: none may ever appear on the tracker.
const NAME = 'Philippa Marchbanks-Oyelaran';
const EMAIL = 'p.marchbanks@example.invalid';
const PHONE = '07700 900461';
const ADDRESS = '17 Larkspur Close, Trowbridge BA14 9ZZ';

const TITLE = 'Street light out on Larkspur Close';
const DESCRIPTION = 'The street light by the footpath has been off for two weeks; the path is pitch dark at night.';
const BOARD_REPORT = 'Residents ask for the whole row of lights to be checked.';
const INTERNAL_NOTE = 'Internal: the contractor is behind on repairs in this ward.';
const PUBLIC_NOTE = 'An engineer will visit on Thursday.';
const OUTCOME = 'The lamp and its fuse were replaced on 3 December.';
const FEEDBACK = 'Thank you: the light is working again.';

/** The fields of the report form, by the ids the page gives them (form prefix "report"). */
const FIELD = {
  title: '#report-title',
  description: '#report-description',
  category: '#report-category',
  area: '#report-areaId',
  address: '#report-location-address',
  name: '#report-raisedBy-name',
  email: '#report-raisedBy-email',
  phone: '#report-raisedBy-phone',
} as const;

interface Report {
  readonly title: string;
  readonly description: string;
  readonly address?: string;
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
}

const focused = (page: Page) => page.evaluate<{ id: string; tag: string; className: string }>('({ id: document.activeElement.id, tag: document.activeElement.tagName, className: String(document.activeElement.className) })');

/** Waits until the form has its categories and areas, read from the API. */
async function formReady(page: Page): Promise<void> {
  await page.locator(`${FIELD.area} option`, { hasText: 'Trowbridge Area Board' }).waitFor({ state: 'attached' });
}

async function fill(page: Page, report: Report): Promise<void> {
  await page.fill(FIELD.title, report.title);
  await page.fill(FIELD.description, report.description);
  await page.selectOption(FIELD.category, { label: 'Highways' });
  await page.selectOption(FIELD.area, { label: 'Trowbridge Area Board' });
  await page.fill(FIELD.address, report.address ?? '');
  await page.fill(FIELD.name, report.name);
  await page.fill(FIELD.email, report.email ?? '');
  await page.fill(FIELD.phone, report.phone ?? '');
}

/** The reference the confirmation gives, once it shows. */
async function confirmedReference(page: Page): Promise<string> {
  const heading = page.locator('.report-sent h2');
  await heading.waitFor({ timeout: 10_000 });
  const match = /^Thank you\. Your reference is ([A-Z]+-\d{4}-\d{5})$/.exec(((await heading.textContent()) ?? '').trim());
  if (!match) throw new Error(`the confirmation says "${await heading.textContent()}"`);
  return match[1];
}

describe('the residents’ pages, /report and /track/:reference, in a real Chromium', () => {
  let location: StoreLocation;
  let api: TestApp;
  let base: string;
  let browser: Browser;
  /** Every page opened, with what went wrong in it and what a test made go wrong on purpose. */
  const opened: { page: Page; problems: string[]; expected: RegExp[] }[] = [];
  /** The issue reported by address at phone width, walked through the process later. */
  let reference = '';

  const issueFromApi = async (idOrReference: string): Promise<IssueBody & Record<string, unknown>> => {
    const response = await api.http.get(`/issues/${idOrReference}`).set('Authorization', admin);
    expect(response.status).toBe(200);
    return response.body;
  };

  async function open(path: string, width: number, expected: RegExp[] = []): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    opened.push({ page, problems: watchProblems(page), expected });
    await page.goto(`${base}${path}`);
    return page;
  }

  async function expectAxeClean(page: Page, what: string): Promise<void> {
    expect({ what, violations: await axeViolations(page) }).toEqual({ what, violations: [] });
  }

  /** Axe at both widths, ending at the width it started with. */
  async function expectAxeCleanAtBothWidths(page: Page, what: string): Promise<void> {
    const start = page.viewportSize()!;
    for (const width of [PHONE_WIDTH, DESKTOP_WIDTH]) {
      await page.setViewportSize({ width, height: 900 });
      await expectAxeClean(page, `${what} at ${width} px`);
    }
    await page.setViewportSize(start);
  }

  beforeAll(async () => {
    ({ location, api, base, browser } = await startPagesApp());
  }, 60_000);

  afterAll(() => stopPagesApp({ location, api, browser }), 60_000);

  it('at phone width, names each missing field beside it and sends nothing; then sends a report by address and shows its reference', async () => {
    const page = await open('/report', PHONE_WIDTH);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await formReady(page);
    expect(await page.locator('h1').allTextContents()).toEqual(['Report an issue']);
    // Usable at 375 px: nothing wider than the screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_WIDTH);
    await expectAxeCleanAtBothWidths(page, '/report, empty');

    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.locator('.error-summary').waitFor();
    await eventually(async () => expect((await focused(page)).className).toContain('error-summary'));
    const required: [string, string][] = [
      [FIELD.title, 'Title is required'],
      [FIELD.description, 'Description is required'],
      [FIELD.category, 'Category is required'],
      [FIELD.area, 'Area is required'],
      [FIELD.name, 'Name is required'],
    ];
    for (const [selector, message] of required) {
      const field = page.locator(selector);
      expect({ selector, invalid: await field.getAttribute('aria-invalid') }).toEqual({ selector, invalid: 'true' });
      const describedBy = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
      const errorId = `${selector.slice(1)}-error`;
      expect(describedBy).toContain(errorId);
      expect(await page.locator(`#${errorId}`).textContent()).toBe(`Error: ${message}`);
      expect(await page.locator('.error-summary a', { hasText: message }).count()).toBe(1);
    }
    for (const optional of [FIELD.address, FIELD.email, FIELD.phone]) expect(await page.locator(optional).getAttribute('aria-invalid')).toBeNull();
    expect(posts).toEqual([]);
    await expectAxeCleanAtBothWidths(page, '/report, with errors');
    // Each problem in the summary leads to its field.
    await page.locator('.error-summary a', { hasText: 'Name is required' }).click();
    await eventually(async () => expect((await focused(page)).id).toBe('report-raisedBy-name'));

    await fill(page, { title: TITLE, description: DESCRIPTION, address: ADDRESS, name: NAME, email: EMAIL, phone: PHONE });
    await page.getByRole('button', { name: 'Send report' }).click();
    reference = await confirmedReference(page);
    await eventually(async () => expect(await focused(page)).toEqual(expect.objectContaining({ tag: 'H2' })));
    expect(posts).toEqual([`${base}/issues`]);
    expect(await page.locator('form.report-form').count()).toBe(0);

    const issue = await issueFromApi(reference);
    expect(issue).toMatchObject({
      reference,
      title: TITLE,
      category: 'highways',
      areaId: 'trowbridge',
      channel: 'online',
      status: 'logged',
      raisedBy: { name: NAME, email: EMAIL, phone: PHONE },
      location: null,
      // Without a point the address cannot be a location (it needs lat and lng): it ends the description.
      description: `${DESCRIPTION}\n\nLocation as given: ${ADDRESS}`,
    });
    await expectAxeCleanAtBothWidths(page, '/report, sent');

    // The tracker is a projection: it follows the command within a second.
    await eventually(async () => expect((await api.http.get(`/public/issues/${reference}`)).status).toBe(200), 2_000);
    await page.getByRole('link', { name: 'Track your issue' }).click();
    await page.waitForURL(`${base}/track/${reference}`);
    await page.locator('h1', { hasText: TITLE }).waitFor();
    expect(await page.locator('dt:text-is("Status") + dd').textContent()).toBe('Logged');
    expect(await page.locator('.track-timeline li').allTextContents()).toEqual([expect.stringMatching(/^Logged /)]);
  });

  it('with the browser sharing its location, sends the point with the address beside it; the point can be removed and added again', async () => {
    await browser.context.grantPermissions(['geolocation'], { origin: base });
    await browser.context.setGeolocation({ latitude: 51.3192, longitude: -2.2083, accuracy: 12 });
    try {
      const page = await open('/report', DESKTOP_WIDTH);
      await formReady(page);
      await fill(page, { title: 'Pothole by the school gates', description: 'Deep enough to trip a child.', address: 'Outside Hill Road school', name: 'Sam Resident' });
      const useLocation = page.getByRole('button', { name: 'Use my current location' });
      await useLocation.click();
      const point = page.locator('.report-point');
      await point.waitFor();
      expect(await point.textContent()).toBe('Your location: latitude 51.31920, longitude -2.20830 (to within about 12 metres)');
      await eventually(async () => expect((await focused(page)).className).toContain('report-point'));
      expect(await page.locator('.report-location [role="status"]').textContent()).toBe('Your location was added to the report.');

      await page.getByRole('button', { name: 'Remove your location' }).click();
      await useLocation.waitFor();
      expect(await point.count()).toBe(0);
      await eventually(async () => expect((await focused(page)).tag).toBe('BUTTON'));
      await useLocation.click();
      await point.waitFor();

      await page.getByRole('button', { name: 'Send report' }).click();
      const sent = await issueFromApi(await confirmedReference(page));
      expect(sent).toMatchObject({
        channel: 'online',
        location: { lat: 51.3192, lng: -2.2083, address: 'Outside Hill Road school' },
        description: 'Deep enough to trip a child.',
        raisedBy: { name: 'Sam Resident' },
      });
    } finally {
      await browser.context.clearPermissions();
    }
  });

  it('says plainly when the location is not shared, and the form stays usable', async () => {
    const page = await open('/report', PHONE_WIDTH);
    await formReady(page);
    await page.getByRole('button', { name: 'Use my current location' }).click();
    const said = page.locator('.report-location [role="status"]');
    await said.filter({ hasText: 'Your location was not shared' }).waitFor();
    expect(await said.textContent()).toBe('Your location was not shared: this page was not allowed to use it. You can give an address instead, or say where it is in the description.');
    expect(await page.getByRole('button', { name: 'Use my current location' }).isEnabled()).toBe(true);
    await fill(page, { title: 'Fly-tipping in the lay-by', description: 'Mattresses and bags.', name: 'Kim Resident' });
    await page.getByRole('button', { name: 'Send report' }).click();
    expect((await issueFromApi(await confirmedReference(page))).location).toBeNull();
  });

  it('shows each public step, the public note and the outcome of an issue walked to feedback, and nothing personal or internal', async () => {
    let issue = await issueFromApi(reference);
    const steps: [string, Record<string, unknown>][] = [
      ['board-review', { report: BOARD_REPORT }],
      ['roundtable', {}],
      ['notes', { text: INTERNAL_NOTE, public: false }],
      ['notes', { text: PUBLIC_NOTE, public: true }],
      ['resolve', { outcome: OUTCOME }],
      ['feed-back', { message: FEEDBACK }],
    ];
    for (const [name, body] of steps) {
      const response = await command(api.http, issue, name, body);
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      issue = response.body;
    }
    const publicSteps = ['Logged', 'Board review', 'Roundtable', 'Roundtable', 'Resolved', 'Fed back'];
    await eventually(async () => expect((await api.http.get(`/public/issues/${reference}`)).body.timeline).toHaveLength(publicSteps.length), 2_000);

    const page = await open(`/track/${reference}`, PHONE_WIDTH);
    await page.locator('h1', { hasText: TITLE }).waitFor();
    expect(await page.locator('.track-timeline li .track-step strong').allTextContents()).toEqual(publicSteps);
    expect(await page.locator('.track-timeline li').nth(3).locator('.track-note').textContent()).toBe(`Note: ${PUBLIC_NOTE}`);
    expect(await page.locator('.track-note').count()).toBe(1);
    expect(await page.locator('h2:text-is("What was done") + p').textContent()).toBe(OUTCOME);
    const summary = Object.fromEntries(
      await page.locator('dl.summary dt').evaluateAll((terms) => terms.map((term) => [term.textContent, term.nextElementSibling?.textContent])),
    );
    expect(summary).toEqual({ Reference: reference, Status: 'Fed back', Category: 'Highways', Area: 'Trowbridge Area Board', Logged: expect.stringMatching(/^\d{1,2} \w{3} \d{4}$/) });

    const text = (await page.locator('body').textContent()) ?? '';
    for (const secret of [NAME, 'Marchbanks', EMAIL, PHONE, ADDRESS, 'Larkspur Close, Trowbridge', INTERNAL_NOTE, BOARD_REPORT, FEEDBACK, DESCRIPTION]) {
      expect({ secret, shown: text.includes(secret) }).toEqual({ secret, shown: false });
    }
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_WIDTH);
    await expectAxeCleanAtBothWidths(page, '/track, found');
  });

  it('answers an unknown reference, and one that cannot be a reference, in plain words, with a way to look for another', async () => {
    const unknown = 'TROW-2026-99999';
    const page = await open(`/track/${unknown}`, PHONE_WIDTH, [/404.*\/public\/issues\/TROW-2026-99999/, /status of 404/]);
    const heading = page.locator('h1', { hasText: `We cannot find an issue with the reference ${unknown}` });
    await heading.waitFor();
    await expectAxeCleanAtBothWidths(page, '/track, not found');
    // Looking again (a report may take a moment to reach the tracker) answers the same, focused.
    await page.getByRole('button', { name: 'Try again' }).click();
    await heading.waitFor();
    await eventually(async () => expect((await focused(page)).tag).toBe('H1'));

    const lookups: string[] = [];
    const malformed = await open('/track/my%20pothole', DESKTOP_WIDTH);
    malformed.on('request', (request) => lookups.push(request.url()));
    await malformed.locator('h1', { hasText: 'We cannot find an issue with the reference my pothole' }).waitFor();
    expect(await malformed.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await expectAxeCleanAtBothWidths(malformed, '/track, malformed reference');

    // "Track another issue": a typing mistake is named beside the field; a reference in small letters is found.
    await malformed.fill('#track-another-reference', 'pothole');
    await malformed.getByRole('button', { name: 'Track', exact: true }).click();
    expect(await malformed.locator('#track-another-reference-error').textContent()).toMatch(/^Error: A reference looks like TROW-2026-00042/);
    expect(await malformed.locator('#track-another-reference').getAttribute('aria-describedby')).toContain('track-another-reference-error');
    await malformed.fill('#track-another-reference', ` ${reference.toLowerCase()} `);
    await malformed.getByRole('button', { name: 'Track', exact: true }).click();
    await malformed.waitForURL(`${base}/track/${reference}`);
    await malformed.locator('h1', { hasText: TITLE }).waitFor();
    // Nothing was asked of the API about "my pothole".
    expect(lookups.filter((url) => url.includes('/public/issues/my'))).toEqual([]);
  });

  it('logs exactly one issue when Send report is double-clicked', async () => {
    const title = `Graffiti on the underpass ${Date.now()}`;
    const page = await open('/report', DESKTOP_WIDTH);
    await formReady(page);
    await fill(page, { title, description: 'Fresh graffiti, offensive words.', name: 'Lee Resident' });
    await page.getByRole('button', { name: 'Send report' }).dblclick();
    const sent = await confirmedReference(page);
    const listed = await eventually(async () => {
      const response = await api.http.get('/issues').query({ q: title }).set('Authorization', admin);
      expect(response.body.total).toBeGreaterThanOrEqual(1);
      return response.body;
    }, 2_000);
    expect({ total: listed.total, references: listed.items.map((item: IssueBody) => item.reference) }).toEqual({ total: 1, references: [sent] });
  });

  it('keeps the form and says so when the connection is lost; sent again, the report is logged once', async () => {
    const title = `Blocked drain on Mill Lane ${Date.now()}`;
    const page = await open('/report', PHONE_WIDTH, [/request failed: POST .*\/issues/, /ERR_INTERNET_DISCONNECTED/]);
    await formReady(page);
    await fill(page, { title, description: 'Water over the road after rain.', name: 'Ash Resident' });
    await browser.context.setOffline(true);
    try {
      await page.getByRole('button', { name: 'Send report' }).click();
      await page.locator('.error-summary', { hasText: 'this device could not reach the council’s server' }).waitFor();
      await eventually(async () => expect((await focused(page)).className).toContain('error-summary'));
      expect(await page.inputValue(FIELD.title)).toBe(title);
    } finally {
      await browser.context.setOffline(false);
    }
    await page.getByRole('button', { name: 'Send report' }).click();
    const sent = await confirmedReference(page);
    const listed = await eventually(async () => {
      const response = await api.http.get('/issues').query({ q: title }).set('Authorization', admin);
      expect(response.body.total).toBe(1);
      return response.body;
    }, 2_000);
    expect(listed.items[0].reference).toBe(sent);
  });

  it('asks the resident to wait a minute when the connection has sent too many reports, keeping the form', async () => {
    // A second app whose anonymous intake allows two reports a minute, both spent before the page sends.
    const limitedLocation = newStoreLocation('sqlite');
    const limited = await startTestApp(limitedLocation, { INTAKE_RATE_LIMIT: '2' });
    try {
      await limited.app.listen(0, '127.0.0.1');
      const limitedBase = `http://127.0.0.1:${(limited.app.getHttpServer().address() as AddressInfo).port}`;
      const body = { title: 'Broken bench', description: 'Slats missing.', category: 'parks', areaId: 'trowbridge', channel: 'online', raisedBy: { name: 'Someone' } };
      for (let spent = 0; spent < 2; spent += 1) await limited.http.post('/issues').send(body).expect(201);

      const page = await browser.context.newPage();
      await page.setViewportSize({ width: PHONE_WIDTH, height: 900 });
      opened.push({ page, problems: watchProblems(page), expected: [/HTTP 429: POST .*\/issues/, /status of 429/] });
      await page.goto(`${limitedBase}/report`);
      await formReady(page);
      await fill(page, { title: 'Overgrown hedge on the footpath', description: 'Pushes walkers into the road.', name: 'Jo Resident' });
      const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/issues'));
      await page.getByRole('button', { name: 'Send report' }).click();
      expect((await answered).status()).toBe(429);
      await page
        .locator('.error-summary', { hasText: 'Too many reports from this connection in the last minute. Please wait a minute and send it again.' })
        .waitFor();
      expect(await page.inputValue(FIELD.title)).toBe('Overgrown hedge on the footpath');
      expect(await page.getByRole('button', { name: 'Send report' }).isEnabled()).toBe(true);
      await page.close();
    } finally {
      await limited.close();
      await removeStoreLocation(limitedLocation);
    }
  }, 60_000);

  it('met no problem in any page but those the tests caused on purpose', () => {
    const unexpected = opened.flatMap(({ problems, expected }) => problems.filter((problem) => !expected.some((pattern) => pattern.test(problem))));
    expect(unexpected).toEqual([]);
    // Each problem caused on purpose did happen.
    for (const { problems, expected } of opened) for (const pattern of expected) expect({ pattern: String(pattern), seen: problems.some((problem) => pattern.test(problem)) }).toEqual({ pattern: String(pattern), seen: true });
  });
});
