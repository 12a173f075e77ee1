import type { Page } from 'playwright-core';
import { mintToken } from '../apps/api/src/auth/token';
import { axeViolations } from './support/axe';
import { type Browser, watchProblems } from './support/browser';
import { eventually } from './support/eventually';
import { admin, command, type IssueBody, raise } from './support/issueRequests';
import { startPagesApp, stopPagesApp } from './support/pagesApp';
import { JWT_SECRET, type StoreLocation, type TestApp } from './support/testApp';

/*
 * Board meetings in the staff console, in a real headless Chromium on the real app: the Meetings
 * view shows the next meetings of the signed-in manager's areas with their agendas and a link to
 * the printable agenda, which opens under its policy with its print style sheet; the board review
 * form offers the area's upcoming meetings and sends the one chosen. axe finds nothing.
 */

const MANAGER = { sub: 'maya-patel', name: 'Maya Patel', role: 'areaManager', areas: ['trowbridge'] } as const;
const managerToken = mintToken(JWT_SECRET, MANAGER);
const DAY = 86_400_000;
/** The UTC calendar day `offset` days from today: the server's rule for "not in the past". */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

describe('board meetings in the console, in a real Chromium', () => {
  let location: StoreLocation;
  let api: TestApp;
  let base: string;
  let browser: Browser;
  let next: string;
  let later: string;
  let onAgenda: IssueBody;
  const pages: Page[] = [];

  const schedule = async (areaId: string, date: string, venue: string): Promise<string> =>
    (await api.http.post(`/areas/${areaId}/meetings`).set('Authorization', admin).send({ date, venue }).expect(201)).body.id as string;

  beforeAll(async () => {
    ({ location, api, base, browser } = await startPagesApp());
    next = await schedule('trowbridge', day(7), 'County Hall, Trowbridge');
    later = await schedule('trowbridge', day(35), 'Civic Centre');
    await schedule('trowbridge', day(-3), 'Last week’s hall');
    await schedule('melksham', day(7), 'Melksham Assembly Hall');
    onAgenda = await raise(api.http, { title: 'Pothole on Castle Street' });
    const reviewed = await command(api.http, onAgenda, 'board-review', { meetingDate: undefined, meetingId: next, report: 'Residents ask for a repair.' }).expect(200);
    await command(api.http, reviewed.body, 'refer', { meetingId: next, serviceProvider: 'Wiltshire Highways' }).expect(200);
    // The pages read each agenda once: the projections have it before they do.
    await eventually(async () => {
      const { items } = (await api.http.get(`/meetings/${next}/agenda`).expect(200)).body;
      expect(items).toEqual([expect.objectContaining({ status: 'referred', decision: 'Referred to Wiltshire Highways' })]);
    });
  }, 60_000);

  afterAll(() => stopPagesApp({ location, api, browser }), 60_000);
  afterEach(async () => {
    for (const page of pages.splice(0)) if (!page.isClosed()) await page.close();
  });

  /** The console signed in as the manager, with what goes wrong in it collected. */
  async function signedIn(hash = '/'): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.context.newPage();
    pages.push(page);
    const problems = watchProblems(page);
    await page.goto(`${base}/console#token=${managerToken}`);
    await page.locator('.who strong').filter({ hasText: MANAGER.name }).waitFor();
    if (hash !== '/') await page.goto(`${base}/console#${hash}`);
    return { page, problems };
  }

  it("shows the next meetings of the manager's areas, each with its agenda and decisions, and nothing past or elsewhere", async () => {
    const { page, problems } = await signedIn();
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Board meetings' }).waitFor();
    const meetings = page.locator('section.meeting');
    await meetings.first().waitFor();

    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      expect.stringMatching(/^Trowbridge Area Board: \w+day \d{1,2} \w+ \d{4}$/),
      expect.stringMatching(/^Trowbridge Area Board: /),
    ]);
    const first = meetings.nth(0);
    expect(await first.locator('.meeting-venue').textContent()).toContain('County Hall, Trowbridge');
    const items = first.locator('.agenda-item');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain(`${onAgenda.reference} Pothole on Castle Street`);
    expect(await items.nth(0).locator('.agenda-decision').textContent()).toBe('Referred to Wiltshire Highways');
    expect(await items.nth(0).locator('.agenda-report').textContent()).toBe('Residents ask for a repair.');
    expect(await items.nth(1).locator('.agenda-item-title').textContent()).toBe('Matters of local concern');
    expect(await meetings.nth(1).locator('.meeting-venue').textContent()).toContain('Civic Centre');
    expect(await page.locator('main').textContent()).not.toMatch(/Last week’s hall|Melksham/);

    const printable = first.getByRole('link', { name: /^Printable agenda/ });
    expect(await printable.getAttribute('href')).toBe(`/meetings/${next}/agenda.html`);
    expect(await meetings.nth(1).getByRole('link', { name: /^Printable agenda/ }).getAttribute('href')).toBe(`/meetings/${later}/agenda.html`);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('opens the printable agenda under its own policy, styled by its style sheet, for print too', async () => {
    const { page, problems } = await signedIn('/meetings');
    const sheet = page.waitForResponse((response) => new URL(response.url()).pathname === '/web/agenda.css');
    await page.getByRole('link', { name: /^Printable agenda/ }).first().click();
    expect((await sheet).status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    expect(await page.locator('.board').textContent()).toBe('Trowbridge Area Board');
    expect(await page.locator('.item').first().textContent()).toContain(onAgenda.reference);
    // The style sheet applies (no inline style would: the policy refuses it), on paper as on screen.
    const styleOf = (selector: string, property: string) => page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`);
    expect(await styleOf('.items', 'listStyleType')).toBe('none');
    expect(await styleOf('.item', 'breakInside')).toBe('avoid');
    expect(await styleOf('.standing-item', 'backgroundColor')).toBe('rgb(243, 242, 241)');
    await page.emulateMedia({ media: 'print' });
    expect(await styleOf('.standing-item', 'backgroundColor')).toBe('rgba(0, 0, 0, 0)');
    expect(await axeViolations(page)).toEqual([]);
    // Leaving the console ends its live feed's request; nothing else may fail (a policy violation is a console error).
    expect(problems.filter((problem) => !problem.startsWith('request failed: GET') || !problem.includes('/events/stream?'))).toEqual([]);
  });

  it("offers the area's upcoming meetings in the board review form and sends the one chosen", async () => {
    const issue = await raise(api.http, { title: 'Bus shelter glass broken' });
    const { page, problems } = await signedIn(`/issues/${issue.id}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: issue.reference }).waitFor();
    await page.getByRole('button', { name: 'Board review', exact: true }).click();
    const form = page.getByRole('form', { name: 'Board review' });
    const meeting = form.getByLabel('Meeting (optional)');
    await meeting.locator('option', { hasText: 'Civic Centre' }).waitFor({ state: 'attached' });
    // Only this area's meetings from today on: none past, none of another area.
    expect(await meeting.locator('option').allTextContents()).toEqual(['Choose…', expect.stringContaining('County Hall, Trowbridge'), expect.stringContaining('Civic Centre')]);
    expect(await axeViolations(page)).toEqual([]);

    // Neither a meeting nor a date: said beside the date, nothing sent.
    await form.getByLabel('Report').fill('Glass broken twice this month.');
    await form.getByRole('button', { name: 'Submit', exact: true }).click();
    await form.locator('.error-summary').filter({ hasText: 'Choose a meeting, or give the meeting date' }).waitFor();

    await meeting.selectOption({ label: (await meeting.locator('option', { hasText: 'Civic Centre' }).textContent())! });
    await form.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.locator('#issue-notice').filter({ hasText: 'Recorded: Board review.' }).waitFor();

    const history = (await api.http.get(`/issues/${issue.id}/history`).set('Authorization', admin).expect(200)).body.events as Array<{ type: string; data: Record<string, unknown> }>;
    expect(history.at(-1)).toMatchObject({ type: 'BoardReviewScheduled', data: { meetingId: later, meetingDate: day(35), report: 'Glass broken twice this month.' } });
    await eventually(async () => {
      const agenda = (await api.http.get(`/meetings/${later}/agenda`).expect(200)).body;
      expect(agenda.items).toEqual([expect.objectContaining({ reference: issue.reference, status: 'boardReview' })]);
    });
    expect(problems).toEqual([]);
  });
});
