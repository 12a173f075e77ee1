import type { Locator, Page } from 'playwright-core';
import { mintToken } from '../apps/api/src/auth/token';
import { axeViolations } from './support/axe';
import { eventually } from './support/eventually';
import { type Browser, watchProblems } from './support/browser';
import { startPagesApp, stopPagesApp } from './support/pagesApp';
import { admin, advance, type IssueBody, raise } from './support/issueRequests';
import { SmtpSink } from './support/smtpSink';
import { JWT_SECRET, type StoreLocation, type TestApp } from './support/testApp';

/*
 * The console's side of the residents' answers and messages, in a real headless Chromium on the
 * real app (SQLite, emails to a real SMTP sink): Record confirmation on a fed-back issue (a
 * dispute reopens it), open disputes first in the queue and tagged Disputed, the issue's
 * "Messages to the resident", and the Tasks view's letters to print and calls to make. Each
 * outcome is checked through the API; expected words come from the contract and the API's answers.
 */

const MANAGER = { sub: 'maya-patel', name: 'Maya Patel', role: 'areaManager', areas: ['trowbridge'] } as const;
const token = mintToken(JWT_SECRET, MANAGER);
const bearer = `Bearer ${token}`;
const REFUSING = 'refused@example.org';

/** Polls from here: the page's policy forbids evaluating strings in it, which waitForFunction would. */
async function waitForText(page: Page, selector: string, matches: (text: string) => boolean, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = (await page.locator(selector).first().textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
    if (matches(text)) return text;
    if (Date.now() > deadline) throw new Error(`${selector} shows "${text}" after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Notification {
  id: string;
  event: string;
  channel: 'email' | 'letter' | 'phone';
  status: string;
  sentAt?: string;
  lastError?: string;
  attempts: number;
}
const EVENT_WORDS: Record<string, string> = { IssueLogged: 'Acknowledgement', BoardReviewScheduled: 'Board meeting', IssueReferred: 'Referral', OutcomeFedBack: 'Outcome', IssueReopened: 'Reopened' };
const londonTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

describe("the console's disputes, messages to residents and tasks, in a real Chromium", () => {
  let location: StoreLocation;
  let api: TestApp;
  let base: string;
  let browser: Browser;
  const sink = new SmtpSink();
  const opened: { page: Page; problems: string[]; expected: readonly RegExp[] }[] = [];

  beforeAll(async () => {
    await sink.start();
    sink.rule = (recipient) => (recipient === REFUSING ? { code: 550 } : undefined);
    ({ location, api, base, browser } = await startPagesApp({ SMTP_URL: sink.url }));
  }, 60_000);

  afterAll(async () => {
    await stopPagesApp({ location, api, browser });
    await sink.stop();
  }, 60_000);

  afterEach(async () => {
    for (const page of browser.context.pages()) if (!page.isClosed()) await page.close();
  });

  async function consoleAt(hash: string, expected: readonly RegExp[] = []): Promise<Page> {
    const page = await browser.context.newPage();
    opened.push({ page, problems: watchProblems(page), expected });
    const liveFeedAnswered = page.waitForResponse((response) => new URL(response.url()).pathname === '/events/stream' && response.status() === 200);
    await page.goto(`${base}/console#token=${token}`);
    await liveFeedAnswered;
    await waitForText(page, '.who strong', (text) => text === MANAGER.name);
    await page.goto(`${base}/console#${hash}`);
    return page;
  }

  const fedBackIssue = async (title: string, raisedBy: Record<string, string> = { name: 'Ada Resident', email: 'ada@example.org' }) =>
    advance(api.http, await raise(api.http, { title, raisedBy }, bearer), ['refer', 'resolve', 'feed-back']);
  const read = async (issue: { id: string }) => (await api.http.get(`/issues/${issue.id}`).set('Authorization', admin).expect(200)).body as IssueBody;
  const eventsOf = async (issue: { id: string }) =>
    (await api.http.get(`/issues/${issue.id}/history`).set('Authorization', admin).expect(200)).body.events as Array<{ type: string; data: Record<string, unknown> }>;
  const notificationsOf = async (issue: { id: string }) => (await api.http.get(`/issues/${issue.id}/notifications`).set('Authorization', bearer).expect(200)).body as Notification[];

  async function openRecordConfirmation(page: Page, issue: IssueBody): Promise<Locator> {
    await waitForText(page, 'h1', (text) => text.startsWith(issue.reference));
    await page.getByRole('button', { name: 'Record confirmation', exact: true }).click();
    const form = page.getByRole('form', { name: 'Record confirmation', exact: true });
    await form.waitFor();
    return form;
  }

  it("records a resident's dispute from a fed-back issue's page: the reason is required, the issue reopens, the timeline says so", async () => {
    const issue = await fedBackIssue('Streetlight still out on Wicker Hill');
    const page = await consoleAt(`/issues/${issue.id}`);
    const form = await openRecordConfirmation(page, issue);
    expect(await form.getByRole('group', { name: 'Did the resident confirm it is resolved?' }).count()).toBe(1);
    expect(await form.getByLabel('Reason (optional)').count()).toBe(1);

    await form.getByLabel('No, they dispute it (the issue is reopened)').check();
    // Once the answer is No, the reason is no longer optional.
    await form.getByLabel('Reason', { exact: true }).waitFor();
    await form.getByLabel('Channel').selectOption({ label: 'Phone' });
    await form.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForText(page, '.error-summary', (text) => text.includes('Reason is required when the resident disputes the outcome'));
    expect(await form.getByLabel('Reason', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect((await read(issue)).version).toBe(issue.version);

    await form.getByLabel('Reason', { exact: true }).fill('The lamp went out again two days later.');
    await form.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForText(page, '#issue-notice', (text) => text === 'Recorded: Record confirmation. The issue is now Logged.');

    const stored = await read(issue);
    expect([stored.status, stored.version]).toEqual(['logged', issue.version + 2]);
    expect((await eventsOf(issue)).slice(-2)).toMatchObject([
      { type: 'OutcomeDisputed', data: { reason: 'The lamp went out again two days later.', channel: 'phone' } },
      { type: 'IssueReopened' },
    ]);
    const timeline = (await api.http.get(`/issues/${issue.id}/timeline`).set('Authorization', bearer).expect(200)).body as Array<{ version: number; summary: string }>;
    const disputed = timeline.find((step) => step.version === issue.version + 1)!;
    await waitForText(page, `#issue-timeline li[data-version="${disputed.version}"] .timeline-summary`, (text) => text.startsWith(disputed.summary));
  }, 60_000);

  it('records a confirmation (Yes, by letter, no reason needed): the issue stays fed back', async () => {
    const issue = await fedBackIssue('Bench repaired in the park');
    const page = await consoleAt(`/issues/${issue.id}`);
    const form = await openRecordConfirmation(page, issue);
    await form.getByLabel('Yes, it is resolved').check();
    await form.getByLabel('Channel').selectOption({ label: 'Letter' });
    await form.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForText(page, '#issue-notice', (text) => text === 'Recorded: Record confirmation. The issue is now Fed back.');
    expect((await read(issue)).status).toBe('fedBack');
    expect((await eventsOf(issue)).at(-1)).toMatchObject({ type: 'OutcomeConfirmed', data: { channel: 'letter' } });
  }, 60_000);

  it('lists open disputes first in the queue, tagged Disputed, whatever the sort; a dispute resolved again drops back', async () => {
    const older = await fedBackIssue('Disputed drain cover');
    const answered = await api.http
      .post(`/issues/${older.id}/record-confirmation`)
      .set('Authorization', bearer)
      .send({ expectedVersion: older.version, confirmed: false, reason: 'Still rattling', channel: 'letter' })
      .expect(200);
    // Newer issues, with sooner deadlines, that would otherwise come first.
    await raise(api.http, { title: 'Fly-tipping behind the shops' }, bearer);
    await raise(api.http, { title: 'Hedge over the footpath' }, bearer);
    const disputedNow = async () =>
      ((await api.http.get('/issues?pageSize=200').set('Authorization', bearer).expect(200)).body.items as Array<{ reference: string; disputedAt: string | null }>)
        .filter((item) => item.disputedAt !== null)
        .map((item) => item.reference)
        .sort();
    await eventually(async () => expect(await disputedNow()).toContain(older.reference));
    const disputed = await disputedNow();

    for (const hash of ['/', '/?sort=newest']) {
      const page = await consoleAt(hash);
      await page.locator('.queue-table').waitFor();
      await waitForText(page, '.queue-table tbody tr:first-child', (text) => text.includes('Disputed'));
      const rows = await page.locator('.queue-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('td a')?.textContent ?? '', [...tr.querySelectorAll('.tag')].map((tag) => tag.textContent).includes('Disputed')] as const),
      );
      const tagged = rows.filter(([, isTagged]) => isTagged).map(([reference]) => reference);
      expect([...tagged].sort()).toEqual(disputed);
      // Every tagged row comes before every other.
      expect(rows.slice(0, tagged.length).every(([, isTagged]) => isTagged)).toBe(true);
      await page.close();
    }

    await advance(api.http, answered.body as IssueBody, ['refer', 'resolve']);
    await eventually(async () => expect(await disputedNow()).not.toContain(older.reference));
    const page = await consoleAt('/');
    await page.locator('.queue-table').waitFor();
    const row = page.locator('.queue-table tbody tr', { has: page.getByRole('link', { name: older.reference, exact: true }) });
    expect(await row.locator('.tag', { hasText: 'Disputed' }).count()).toBe(0);
  }, 60_000);

  it("shows the issue's messages to the resident in words, a failed one marked Failed", async () => {
    const emailed = await fedBackIssue('Pothole on Castle Street');
    const failing = await raise(api.http, { title: 'Overgrown verge', raisedBy: { name: 'Rae Refused', email: REFUSING } }, bearer);
    // Sent, and refused for good: wait for the outbox to have tried.
    await eventually(async () => expect((await notificationsOf(emailed)).map((n) => n.status)).toEqual(['sent', 'sent', 'sent']), 35_000);
    await eventually(async () => expect((await notificationsOf(failing)).map((n) => n.status)).toEqual(['failed']), 35_000);

    const page = await consoleAt(`/issues/${emailed.id}`);
    await page.locator('#resident-messages').waitFor();
    const expected = (await notificationsOf(emailed)).map((n) => `${EVENT_WORDS[n.event]} — email — sent ${londonTime.format(new Date(n.sentAt!))}`);
    expect(expected[0]).toMatch(/^Acknowledgement — email — sent /);
    expect((await page.locator('#resident-messages li').allTextContents()).map((text) => text.trim())).toEqual(expected);

    await page.goto(`${base}/console#/issues/${failing.id}`);
    await waitForText(page, '#resident-messages li', (text) => text.includes('FAILED'));
    const failed = page.locator('#resident-messages li[data-status="failed"]');
    expect(await failed.locator('.tag').textContent()).toBe('Failed');
    expect((await failed.textContent())!.trim()).toMatch(/^Failed Acknowledgement — email — FAILED/);
  }, 90_000);

  it('lists the letters to print and the calls to make in Tasks: opens a letter as a PDF, marks it posted and a call made', async () => {
    const byLetter = await raise(api.http, { title: 'Broken gate', raisedBy: { name: 'Bea Letter', postalAddress: '1 High Street, Trowbridge BA14 8AA' } }, bearer);
    const byPhone = await raise(api.http, { title: 'Loose paving', raisedBy: { name: 'Cal Phone', phone: '01225 111111' } }, bearer);
    const letterOf = async () =>
      ((await api.http.get('/letters?status=pending').set('Authorization', bearer).expect(200)).body as Array<{ id: string; notificationId: string; reference: string }>).find(
        (letter) => letter.reference === byLetter.reference,
      );
    await eventually(async () => expect(await letterOf()).toBeDefined());
    await eventually(async () => expect((await notificationsOf(byPhone)).map((n) => [n.channel, n.status])).toEqual([['phone', 'pending']]));

    const page = await consoleAt('/tasks');
    expect(await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Tasks' }).getAttribute('aria-current')).toBe('page');
    const letter = page.locator('#letters li', { has: page.getByRole('link', { name: byLetter.reference, exact: true }) });
    await letter.waitFor();
    const popup = browser.context.waitForEvent('page');
    await letter.getByRole('button', { name: `Open the letter for ${byLetter.reference} (PDF)` }).click();
    const link = letter.locator('a.letter-link');
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^blob:${base}/`));
    // Opened in a new tab, from the blob the page read with its token (a plain link would carry none).
    const tab = await popup;
    await eventually(async () => expect(tab.url()).toBe(href));
    const pdf = await api.http.get(`/letters/${encodeURIComponent((await letterOf())!.id)}.pdf`).set('Authorization', bearer).expect(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);

    await letter.getByRole('button', { name: 'Mark as posted' }).click();
    await waitForText(page, '.tasks [role="status"]', (text) => text === `Marked as posted: the letter for ${byLetter.reference}.`);
    expect(await letterOf()).toBeUndefined();
    expect((await notificationsOf(byLetter)).map((n) => n.status)).toEqual(['done']);
    // The list is read again after the answer: the letter leaves it within a moment.
    await eventually(async () => expect(await page.getByRole('link', { name: byLetter.reference, exact: true }).count()).toBe(0), 10_000);

    const call = page.locator('#calls li', { has: page.getByRole('link', { name: byPhone.reference, exact: true }) });
    expect((await call.locator('.task-what').textContent())!.trim()).toBe(`${byPhone.reference} — Acknowledgement`);
    await call.getByRole('button', { name: 'Mark as called' }).click();
    await waitForText(page, '.tasks [role="status"]', (text) => text === `Marked as called: ${byPhone.reference}.`);
    expect((await notificationsOf(byPhone)).map((n) => n.status)).toEqual(['done']);
    await eventually(async () => expect(await page.getByRole('link', { name: byPhone.reference, exact: true }).count()).toBe(0), 10_000);
  }, 60_000);

  it('passes axe-core on Tasks and on the Record confirmation form with its problems, on a desktop and a phone', async () => {
    const issue = await fedBackIssue('Street sign missing');
    await raise(api.http, { title: 'Wall damaged', raisedBy: { name: 'Dee Letter', postalAddress: '2 High Street, Trowbridge' } }, bearer);
    const page = await consoleAt('/tasks');
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/console#/tasks`);
      await page.locator('#letters li').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

      await page.goto(`${base}/console#/issues/${issue.id}`);
      const form = await openRecordConfirmation(page, issue);
      await page.locator('#resident-messages, #resident-messages-none').first().waitFor();
      await form.getByRole('button', { name: 'Submit', exact: true }).click();
      await waitForText(page, '.error-summary', (text) => text.includes('Say whether the resident confirmed it is resolved'));
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await form.getByRole('button', { name: 'Cancel', exact: true }).click();
    }
  }, 60_000);

  it('showed all that with no console error and no failed request', () => {
    for (const { problems } of opened) expect(problems.filter((problem) => !/EventSource|events\/stream/.test(problem))).toEqual([]);
  });
});
