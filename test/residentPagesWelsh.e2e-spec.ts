import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { type Browser, watchProblems } from './support/browser';
import { eventually } from './support/eventually';
import { admin, command, type IssueBody } from './support/issueRequests';
import { startPagesApp, stopPagesApp } from './support/pagesApp';
import type { StoreLocation, TestApp } from './support/testApp';

/*
 * The residents' pages in Welsh (`?lang=cy`), in a real headless Chromium on the real app: the
 * language from the first byte (<html lang>), every label, hint, error and button in Welsh, the
 * switch to English and back keeping the page, a report sent in Welsh asking to be written to in
 * Welsh (raisedBy.language, read back through the staff API) with a postal address for letters,
 * and the tracker's statuses and dates in Welsh. axe-core finds nothing in either language.
 */

const PHONE_WIDTH = 375;
const DESKTOP_WIDTH = 1280;

const TITLE = 'Golau stryd wedi diffodd ar Heol y Felin';
const DESCRIPTION = 'Mae’r golau wrth y llwybr wedi bod allan ers pythefnos.';
const NAME = 'Gwenllian ap Rhys';
const POSTAL = '4 Heol y Felin\nTrowbridge BA14 8AA';

const FIELD = {
  title: '#report-title',
  description: '#report-description',
  category: '#report-category',
  area: '#report-areaId',
  address: '#report-location-address',
  name: '#report-raisedBy-name',
  email: '#report-raisedBy-email',
  phone: '#report-raisedBy-phone',
  postal: '#report-raisedBy-postalAddress',
} as const;

const labelOf = (page: Page, selector: string) => page.locator(`label[for="${selector.slice(1)}"]`).textContent();

describe('the residents’ pages in Welsh, in a real Chromium', () => {
  let location: StoreLocation;
  let api: TestApp;
  let base: string;
  let browser: Browser;
  const opened: { page: Page; problems: string[]; expected: RegExp[] }[] = [];
  /** The issue reported in Welsh, followed on the tracker later. */
  let reference = '';

  async function open(path: string, width: number, expected: RegExp[] = []): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    opened.push({ page, problems: watchProblems(page), expected });
    await page.goto(`${base}${path}`);
    return page;
  }

  async function expectAxeCleanAtBothWidths(page: Page, what: string): Promise<void> {
    const start = page.viewportSize()!;
    for (const width of [PHONE_WIDTH, DESKTOP_WIDTH]) {
      await page.setViewportSize({ width, height: 900 });
      expect({ what, width, violations: await axeViolations(page) }).toEqual({ what, width, violations: [] });
    }
    await page.setViewportSize(start);
  }

  const formReady = (page: Page) => page.locator(`${FIELD.area} option`, { hasText: 'Trowbridge Area Board' }).waitFor({ state: 'attached' });

  beforeAll(async () => {
    ({ location, api, base, browser } = await startPagesApp());
  }, 60_000);

  afterAll(() => stopPagesApp({ location, api, browser }), 60_000);

  it('serves /report in Welsh: the language from the first byte, every label in Welsh, each problem named in Welsh', async () => {
    // The shell itself says Welsh, before any script runs.
    const shell = await api.http.get('/report?lang=cy');
    expect(shell.status).toBe(200);
    expect(shell.text).toContain('<html lang="cy">');
    expect(shell.text).toContain('<title>Rhoi gwybod am fater · Materion sy’n peri pryder</title>');

    const page = await open('/report?lang=cy', PHONE_WIDTH);
    await formReady(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await page.title()).toBe('Rhoi gwybod am fater · Materion sy’n peri pryder');
    expect(await page.locator('h1').allTextContents()).toEqual(['Rhoi gwybod am fater']);
    const labels = await Promise.all(Object.values(FIELD).map((selector) => labelOf(page, selector)));
    expect(labels).toEqual(['Teitl', 'Disgrifiad', 'Categori', 'Ardal', 'Cyfeiriad (dewisol)', 'Enw', 'E-bost (dewisol)', 'Rhif ffôn (dewisol)', 'Cyfeiriad post (dewisol)']);
    expect(await page.locator('#report-raisedBy-postalAddress-hint').textContent()).toBe('Lle gall y cyngor anfon llythyr atoch am eich mater, os na fyddwch yn rhoi cyfeiriad e-bost.');
    expect(await page.locator(FIELD.postal).evaluate((element) => element.tagName)).toBe('TEXTAREA');
    expect(await page.locator(`${FIELD.category} option`).first().textContent()).toBe('Dewiswch…');
    expect(await page.locator(`${FIELD.category} option`, { hasText: 'Priffyrdd' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Defnyddio fy lleoliad presennol' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Neidio i’r prif gynnwys' }).count()).toBe(1);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_WIDTH);
    await expectAxeCleanAtBothWidths(page, '/report?lang=cy, empty');

    await page.getByRole('button', { name: 'Anfon yr adroddiad' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.locator('h2').textContent()).toBe('Mae problem wedi codi');
    expect(await summary.locator('a').allTextContents()).toEqual(['Rhowch deitl', 'Rhowch ddisgrifiad', 'Dewiswch gategori', 'Dewiswch ardal', 'Rhowch eich enw']);
    expect(await page.locator('#report-title-error').textContent()).toBe('Gwall: Rhowch deitl');
    await page.fill(FIELD.postal, 'BA14');
    await page.getByRole('button', { name: 'Anfon yr adroddiad' }).click();
    await page.locator('#report-raisedBy-postalAddress-error', { hasText: 'Cyfeiriad post: defnyddiwch o leiaf 5 nod' }).waitFor();
    await expectAxeCleanAtBothWidths(page, '/report?lang=cy, with errors');
  });

  it('switches /report to English and back, keeping the page', async () => {
    const page = await open('/report?lang=cy', DESKTOP_WIDTH);
    await formReady(page);
    const english = page.getByRole('link', { name: 'English' });
    expect(await english.getAttribute('lang')).toBe('en');
    await english.click();
    await page.waitForURL(`${base}/report`);
    await page.locator('h1', { hasText: 'Report an issue' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await formReady(page);
    expect(await labelOf(page, FIELD.postal)).toBe('Postal address (optional)');
    await expectAxeCleanAtBothWidths(page, '/report in English, with its switch');

    const welsh = page.getByRole('link', { name: 'Cymraeg' });
    expect(await welsh.getAttribute('lang')).toBe('cy');
    await welsh.click();
    await page.waitForURL(`${base}/report?lang=cy`);
    await page.locator('h1', { hasText: 'Rhoi gwybod am fater' }).waitFor();
  });

  it('sends a report made in Welsh asking to be written to in Welsh, with the postal address, and leads to the tracker in Welsh', async () => {
    const page = await open('/report?lang=cy', PHONE_WIDTH);
    await formReady(page);
    await page.fill(FIELD.title, TITLE);
    await page.fill(FIELD.description, DESCRIPTION);
    await page.selectOption(FIELD.category, { label: 'Priffyrdd' });
    await page.selectOption(FIELD.area, { label: 'Trowbridge Area Board' });
    await page.fill(FIELD.name, NAME);
    await page.fill(FIELD.postal, POSTAL);
    await page.getByRole('button', { name: 'Anfon yr adroddiad' }).click();

    const heading = page.locator('.report-sent h2');
    await heading.waitFor({ timeout: 10_000 });
    const match = /^Diolch\. Eich cyfeirnod yw ([A-Z]+-\d{4}-\d{5})$/.exec(((await heading.textContent()) ?? '').trim());
    expect(match).not.toBeNull();
    reference = match![1];
    expect(await page.title()).toBe(`Adroddiad wedi’i anfon: ${reference} · Materion sy’n peri pryder`);

    const issue = await api.http.get(`/issues/${reference}`).set('Authorization', admin);
    expect(issue.status).toBe(200);
    expect(issue.body).toMatchObject({ reference, title: TITLE, category: 'highways', channel: 'online', raisedBy: { name: NAME, postalAddress: POSTAL, language: 'cy' } });
    await expectAxeCleanAtBothWidths(page, '/report?lang=cy, sent');

    await eventually(async () => expect((await api.http.get(`/public/issues/${reference}`)).status).toBe(200), 2_000);
    await page.getByRole('link', { name: 'Olrhain eich mater' }).click();
    await page.waitForURL(`${base}/track/${reference}?lang=cy`);
    await page.locator('h1', { hasText: TITLE }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await page.locator('dt:text-is("Statws") + dd').textContent()).toBe('Wedi’i gofnodi');
  });

  it('shows the tracker in Welsh: statuses, headings and dates, and switches to English keeping the issue', async () => {
    let issue = (await api.http.get(`/issues/${reference}`).set('Authorization', admin)).body as IssueBody;
    for (const [name, body] of [
      ['refer', {}],
      ['resolve', { outcome: 'Cafodd y lamp ei newid.' }],
      ['feed-back', {}],
    ] as [string, Record<string, unknown>][]) {
      const response = await command(api.http, issue, name, body);
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      issue = response.body;
    }
    await eventually(async () => expect((await api.http.get(`/public/issues/${reference}`)).body.status).toBe('fedBack'), 2_000);

    const shell = await api.http.get(`/track/${reference}?lang=cy`);
    expect(shell.text).toContain('<html lang="cy">');

    const page = await open(`/track/${reference}?lang=cy`, PHONE_WIDTH);
    await page.locator('h1', { hasText: TITLE }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await page.title()).toBe(`${TITLE} (${reference}) · Olrhain mater · Materion sy’n peri pryder`);
    expect(await page.locator('.track-timeline li .track-step strong').allTextContents()).toEqual(['Wedi’i gofnodi', 'Wedi’i gyfeirio', 'Wedi’i ddatrys', 'Adborth wedi’i roi']);
    const summary = Object.fromEntries(
      await page.locator('dl.summary dt').evaluateAll((terms) => terms.map((term) => [term.textContent, term.nextElementSibling?.textContent])),
    );
    // Welsh months (Intl 'cy'): Ion, Chwef, Maw, Ebr, Mai, Meh, Gorff, Awst, Medi, Hyd, Tach, Rhag.
    expect(summary).toEqual({
      Cyfeirnod: reference,
      Statws: 'Adborth wedi’i roi',
      Categori: 'Priffyrdd',
      Ardal: 'Trowbridge Area Board',
      'Dyddiad cofnodi': expect.stringMatching(/^\d{1,2} (Ion|Chwef|Maw|Ebr|Mai|Meh|Gorff|Awst|Medi|Hyd|Tach|Rhag) \d{4}$/),
    });
    expect(await page.locator('h2:text-is("Beth a wnaed") + p').textContent()).toBe('Cafodd y lamp ei newid.');
    expect(await page.locator('h2', { hasText: 'Beth sydd wedi digwydd' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Rhoi gwybod am fater' }).getAttribute('href')).toBe('/report?lang=cy');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_WIDTH);
    await expectAxeCleanAtBothWidths(page, '/track?lang=cy, fed back');

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}/track/${reference}`);
    await page.locator('h1', { hasText: TITLE }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('dt:text-is("Status") + dd').textContent()).toBe('Fed back');
    await expectAxeCleanAtBothWidths(page, '/track in English, with its switch');
  });

  it('answers an unknown or mistyped reference in Welsh', async () => {
    const unknown = 'TROW-2026-99999';
    const page = await open(`/track/${unknown}?lang=cy`, DESKTOP_WIDTH, [/404.*\/public\/issues\/TROW-2026-99999/, /status of 404/]);
    await page.locator('h1', { hasText: `Ni allwn ddod o hyd i fater â’r cyfeirnod ${unknown}` }).waitFor();
    expect(await page.getByRole('button', { name: 'Rhowch gynnig arall arni' }).count()).toBe(1);
    await page.fill('#track-another-reference', 'twll yn y ffordd');
    await page.getByRole('button', { name: 'Olrhain', exact: true }).click();
    expect(await page.locator('#track-another-reference-error').textContent()).toMatch(/^Gwall: Mae cyfeirnod yn edrych fel TROW-2026-00042/);
    await expectAxeCleanAtBothWidths(page, '/track?lang=cy, not found, with an error');
    await page.fill('#track-another-reference', reference.toLowerCase());
    await page.getByRole('button', { name: 'Olrhain', exact: true }).click();
    await page.waitForURL(`${base}/track/${reference}?lang=cy`);
    await page.locator('h1', { hasText: TITLE }).waitFor();
  });

  it('met no problem in any page but those the tests caused on purpose', () => {
    const unexpected = opened.flatMap(({ problems, expected }) => problems.filter((problem) => !expected.some((pattern) => pattern.test(problem))));
    expect(unexpected).toEqual([]);
  });
});
