import type { Page } from 'playwright-core';
import { mintToken } from '../apps/api/src/auth/token';
import { axeViolations } from './support/axe';
import { type Browser, watchProblems } from './support/browser';
import { startPagesApp, stopPagesApp } from './support/pagesApp';
import { auditor } from './support/issueRequests';
import { JWT_SECRET, type StoreLocation, type TestApp } from './support/testApp';

/*
 * The console's staff intake in a real headless Chromium, on the real app over a fresh SQLite
 * store: an area manager types up a phone call received yesterday and the API holds it as typed;
 * mistakes are named beside their fields and nothing is sent; a double click logs one issue; axe
 * finds nothing on the form, empty or with errors, on a desktop and at phone width.
 */

const MANAGER = { sub: 'maya-patel', name: 'Maya Patel', role: 'areaManager', areas: ['trowbridge'] } as const;
const managerToken = mintToken(JWT_SECRET, MANAGER);
const managerBearer = `Bearer ${managerToken}`;

const DAY = 86_400_000;
/** The day `offsetDays` from today in London (the browser's time zone), as YYYY-MM-DD. */
const londonDay = (offsetDays: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() + offsetDays * DAY));

/** The label of each field, as the form shows it (optional ones say so). */
const LABEL = {
  title: 'Title',
  description: 'Description',
  category: 'Category',
  area: 'Area',
  channel: 'Channel',
  receivedAt: 'Received at',
  name: 'Name',
  email: 'Email (optional)',
  phone: 'Phone (optional)',
  address: 'Address (optional)',
  latitude: 'Latitude (optional)',
  longitude: 'Longitude (optional)',
} as const;

/** How many streams (issues and the service-level policy) the store holds: what "nothing was recorded" means. */
async function streamCount(api: TestApp): Promise<number> {
  const { body } = await api.http.get('/audit/verify').set('Authorization', auditor).expect(200);
  return body.streamsChecked as number;
}

describe('staff intake in the console, in a real Chromium', () => {
  let location: StoreLocation;
  let api: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ location, api, base, browser } = await startPagesApp());
  }, 60_000);

  afterAll(() => stopPagesApp({ location, api, browser }), 60_000);

  /** The intake form, signed in as the area manager; every POST /issues it sends is counted. */
  async function openIntake(width = 1280): Promise<{ page: Page; problems: string[]; posts: () => number }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const problems = watchProblems(page);
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/issues') posts += 1;
    });
    await page.goto(`${base}/console#/intake&token=${managerToken}`);
    await page.getByRole('heading', { level: 1, name: 'New issue' }).waitFor();
    await page.getByLabel(LABEL.title, { exact: true }).waitFor();
    return { page, problems, posts: () => posts };
  }

  /** A whole phone call, typed in. */
  async function fillCall(page: Page, title: string, receivedAt: string): Promise<void> {
    await page.getByLabel(LABEL.title, { exact: true }).fill(title);
    await page.getByLabel(LABEL.description, { exact: true }).fill('The light outside 4 Mill Lane has been out since Monday; the lane is dark by five.');
    await page.getByLabel(LABEL.category, { exact: true }).selectOption({ label: 'Highways' });
    await page.getByLabel(LABEL.channel, { exact: true }).selectOption({ label: 'Phone' });
    await page.getByLabel(LABEL.receivedAt, { exact: true }).fill(receivedAt);
    await page.getByLabel(LABEL.name, { exact: true }).fill('Bea Caller');
    await page.getByLabel(LABEL.email, { exact: true }).fill('bea@example.org');
    await page.getByLabel(LABEL.phone, { exact: true }).fill('01225 111222');
    await page.getByLabel(LABEL.address, { exact: true }).fill('4 Mill Lane, Trowbridge');
    await page.getByLabel(LABEL.latitude, { exact: true }).fill('51.3187');
    await page.getByLabel(LABEL.longitude, { exact: true }).fill('-2.2071');
  }

  /** The problem shown beside a field, read through its aria-describedby, with its aria-invalid. */
  async function fieldProblem(page: Page, label: string): Promise<{ invalid: string | null; described: string }> {
    const control = page.getByLabel(label, { exact: true });
    const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    return { invalid: await control.getAttribute('aria-invalid'), described: texts.join(' ') };
  }

  it('an area manager logs a phone call received yesterday: the API holds the channel, when it was received and the resident as typed', async () => {
    const { page, problems } = await openIntake();
    // The manager serves one area: it is chosen already.
    expect(await page.getByLabel(LABEL.area, { exact: true }).inputValue()).toBe('trowbridge');
    const receivedAt = `${londonDay(-1)}T16:45`;
    await fillCall(page, 'Streetlight out on Mill Lane', receivedAt);
    await page.getByRole('button', { name: 'Log issue' }).click();

    const confirmation = page.getByRole('heading', { level: 2, name: /^Logged as TROW-\d{4}-\d{5}$/ });
    await confirmation.waitFor();
    const reference = ((await confirmation.textContent()) ?? '').replace('Logged as ', '');
    const link = page.getByRole('link', { name: 'Open the issue' });
    const issueId = decodeURIComponent(((await link.getAttribute('href')) ?? '').replace('#/issues/', ''));

    const { body: issue } = await api.http.get(`/issues/${issueId}`).set('Authorization', managerBearer).expect(200);
    // "Received at" was London time, 16:45 yesterday: the instant the browser's clock reads it as.
    const expectedAt = new Date(`${receivedAt}:00${londonOffset(receivedAt)}`).toISOString();
    expect(issue).toMatchObject({
      reference,
      title: 'Streetlight out on Mill Lane',
      category: 'highways',
      areaId: 'trowbridge',
      channel: 'phone',
      status: 'logged',
      loggedAt: expectedAt,
      raisedBy: { name: 'Bea Caller', email: 'bea@example.org', phone: '01225 111222' },
      location: { lat: 51.3187, lng: -2.2071, address: '4 Mill Lane, Trowbridge' },
    });
    const { body: history } = await api.http.get(`/issues/${reference}/history`).set('Authorization', auditor).expect(200);
    expect(history.events).toHaveLength(1);
    expect(history.events[0]).toMatchObject({ type: 'IssueLogged', occurredAt: expectedAt, actor: { id: MANAGER.sub, role: 'areaManager' } });
    // Typed up today: the store's own clock says so.
    expect(Date.now() - Date.parse(history.events[0].recordedAt)).toBeLessThan(60_000);

    // "Log another" starts afresh, keeping the area and the channel for the next call.
    await page.getByRole('button', { name: 'Log another' }).click();
    expect(await page.getByLabel(LABEL.title, { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel(LABEL.channel, { exact: true }).inputValue()).toBe('phone');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('names missing fields, a future "Received at" and half a point beside their fields and sends nothing; a date the API refuses is named beside its field too', async () => {
    const before = await streamCount(api);
    const { page, problems, posts } = await openIntake();
    await page.getByLabel(LABEL.receivedAt, { exact: true }).fill(`${londonDay(1)}T09:00`);
    await page.getByLabel(LABEL.latitude, { exact: true }).fill('51.3');
    await page.getByRole('button', { name: 'Log issue' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    const expected: Record<string, string> = {
      [LABEL.title]: 'Title is required',
      [LABEL.description]: 'Description is required',
      [LABEL.category]: 'Category is required',
      [LABEL.channel]: 'Channel is required',
      [LABEL.receivedAt]: 'Received at cannot be in the future',
      [LABEL.name]: 'Name is required',
      [LABEL.longitude]: 'Longitude is needed with a latitude: give both, or neither',
    };
    for (const [label, words] of Object.entries(expected)) {
      const shown = await fieldProblem(page, label);
      expect({ label, ...shown }).toEqual({ label, invalid: 'true', described: expect.stringContaining(words) });
      expect(await summary.getByRole('link', { name: words }).count()).toBe(1);
    }
    // The summary takes the focus, and each of its links leads to its field.
    expect(await page.evaluate<string>('document.activeElement.className')).toContain('error-summary');
    await summary.getByRole('link', { name: 'Received at cannot be in the future' }).click();
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('intake-occurredAt');
    expect(posts()).toBe(0);

    // Everything right but a call received 40 days ago: the API allows 30 days back to admins only.
    await fillCall(page, 'An old letter', `${londonDay(-40)}T10:00`);
    await page.getByRole('button', { name: 'Log issue' }).click();
    await summary.getByRole('link', { name: /30 days/ }).waitFor();
    expect((await fieldProblem(page, LABEL.receivedAt)).described).toMatch(/occurredAt more than 30 days back may be recorded by admin only/);
    expect(posts()).toBe(1);
    expect(await streamCount(api)).toBe(before);
    // The refusal itself is all that went wrong: the 400 and the browser's note of it.
    expect(problems.filter((problem) => !/\b400\b/.test(problem))).toEqual([]);
    await page.close();
  });

  it('a double click on "Log issue" logs one issue', async () => {
    const before = await streamCount(api);
    const { page, problems } = await openIntake();
    await fillCall(page, 'Double-clicked call', `${londonDay(-1)}T12:00`);
    await page.getByRole('button', { name: 'Log issue' }).dblclick();
    await page.getByRole('heading', { level: 2, name: /^Logged as / }).waitFor();
    expect(await streamCount(api)).toBe(before + 1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('axe-core finds no violations on the form, empty and with errors, on a desktop and at phone width', async () => {
    for (const width of [1280, 375]) {
      const { page } = await openIntake(width);
      expect({ width, state: 'empty', violations: await axeViolations(page) }).toEqual({ width, state: 'empty', violations: [] });
      await page.getByRole('button', { name: 'Log issue' }).click();
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      expect({ width, state: 'errors', violations: await axeViolations(page) }).toEqual({ width, state: 'errors', violations: [] });
      if (width === 375) expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await page.close();
    }
  });
});

/** London's offset from UTC on a local date-time (`+01:00` in summer time, `+00:00` otherwise). */
function londonOffset(local: string): string {
  const asUtc = new Date(`${local}:00Z`);
  const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(asUtc);
  return Number(shown) === asUtc.getUTCHours() ? '+00:00' : '+01:00';
}
