import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { mintToken } from '../apps/api/src/auth/token';
import { axeViolations } from './support/axe';
import { type Browser, watchProblems } from './support/browser';
import { startPagesApp, stopPagesApp } from './support/pagesApp';
import { advance, type IssueBody, manager, raise } from './support/issueRequests';
import { JWT_SECRET, type StoreLocation, type TestApp } from './support/testApp';

/*
 * The console's auditor's view in a real headless Chromium, on the real app over a fresh SQLite
 * store seeded through the HTTP commands: an auditor finds an issue by its reference and reads
 * its history as the API stores it, asks for its state between two steps, verifies a clean store,
 * then a store with one event tampered with (as someone with write access to the database could),
 * and sees the violation and the row it names. The auditor is offered no steps and no intake.
 */

const AUDITOR = { sub: 'ada-auditor', name: 'Ada Auditor', role: 'auditor', areas: ['*'] } as const;
const auditorToken = mintToken(JWT_SECRET, AUDITOR);
const auditorBearer = `Bearer ${auditorToken}`;

/** API.md, "Public": every command's button; an auditor must see none of them. */
const COMMAND_BUTTONS = ['Refer', 'Board review', 'Roundtable', 'Resolve', 'Feed back', 'Reopen', 'Withdraw', 'Assign', 'Add note', 'Ask resident', 'Resident replied', 'Upgrade workflow'];
const ROLE_WORDS: Record<string, string> = { areaManager: 'Area manager', officer: 'Officer', boardChair: 'Board chair' };

/** An instant as a datetime-local value in London (the browser's zone), to the second (Chrome drops ":00"). */
function londonLocal(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  return parts.second === '00' ? local : `${local}:${parts.second}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface HistoryEvent {
  version: number;
  type: string;
  occurredAt: string | null;
  recordedAt: string;
  actor: { id: string; role: string } | null;
  hash: string;
  prevHash: string | null;
}

describe("the auditor's view in the console, in a real Chromium", () => {
  let location: StoreLocation;
  let api: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let audited: IssueBody;
  /** Another issue, untouched. */
  let other: IssueBody;
  /** An instant after the referral was recorded and before the resolution was. */
  let betweenSteps: Date;

  beforeAll(async () => {
    ({ location, api, base, browser } = await startPagesApp());

    // A phone call logged by the manager, referred, then resolved by an officer; and another issue.
    const logged = await raise(api.http, { channel: 'phone' }, manager);
    const referred = await advance(api.http, logged, ['refer']);
    const { body: afterRefer } = await api.http.get(`/issues/${logged.id}/history`).set('Authorization', auditorBearer).expect(200);
    // The state form takes whole seconds: the next whole second after the referral was recorded.
    betweenSteps = new Date(Math.floor(Date.parse(afterRefer.events[1].recordedAt) / 1000) * 1000 + 1000);
    await sleep(betweenSteps.getTime() - Date.now() + 50);
    audited = await advance(api.http, referred, ['resolve']);
    other = await raise(api.http);

    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    problems = watchProblems(page);
    await page.goto(`${base}/console#/audit&token=${auditorToken}`);
    await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
  }, 60_000);

  afterAll(() => stopPagesApp({ location, api, browser }), 60_000);

  const historyOf = async (): Promise<HistoryEvent[]> => {
    const { body } = await api.http.get(`/issues/${audited.id}/history`).set('Authorization', auditorBearer).expect(200);
    return body.events as HistoryEvent[];
  };
  const row = (version: number) => page.locator(`.history-table tbody tr[data-version="${version}"]`);
  const verifyButton = () => page.getByRole('button', { name: /^Verify (the store|again)$/ });
  const verifyStatus = () => page.locator('.verify-status');

  it('finds an issue by its reference; the history shows every event with its version, type, both clocks, actor and hash as the API stores them', async () => {
    await page.getByRole('textbox', { name: 'Find an issue' }).fill(audited.reference.toLowerCase());
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('heading', { level: 1, name: `Audit of ${audited.reference}` }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/audit/${audited.reference}`);

    const events = await historyOf();
    expect(events.map((event) => event.type)).toEqual(['IssueLogged', 'IssueReferred', 'IssueResolved']);
    expect(await page.locator('.history-table tbody tr').count()).toBe(events.length);
    for (const event of events) {
      const cells = row(event.version).locator('th, td');
      expect(((await cells.nth(0).textContent()) ?? '').trim()).toBe(String(event.version));
      expect(await cells.nth(1).textContent()).toBe(event.type);
      expect(await cells.nth(2).locator('time').getAttribute('datetime')).toBe(event.occurredAt);
      expect(await cells.nth(3).locator('time').getAttribute('datetime')).toBe(event.recordedAt);
      expect(await cells.nth(4).innerText()).toBe(`${event.actor!.id}\n${ROLE_WORDS[event.actor!.role]}`);
      const shownHash = (await cells.nth(5).locator('summary code').textContent()) ?? '';
      expect(shownHash.length).toBeGreaterThanOrEqual(16);
      expect(event.hash.startsWith(shownHash)).toBe(true);
      // The full hash and the previous one are in the row, and it links to the row before.
      expect(await cells.nth(5).locator('dd code').allTextContents()).toEqual(event.prevHash ? [event.hash, event.prevHash] : [event.hash]);
      expect(await cells.nth(5).locator('.history-link').textContent()).toBe(event.version === 1 ? 'First event' : `Links to version ${event.version - 1}`);
    }
    // A row's data opens as JSON.
    await row(2).locator('.history-data summary').click();
    expect(JSON.parse((await row(2).locator('pre').textContent()) ?? '')).toMatchObject({ serviceProvider: 'Wiltshire Highways' });
  });

  it('shows the state at an instant between two steps as the earlier one left it, and says when the issue did not exist yet', async () => {
    const events = await historyOf();
    expect(Date.parse(events[1].recordedAt)).toBeLessThanOrEqual(betweenSteps.getTime());
    expect(Date.parse(events[2].recordedAt)).toBeGreaterThan(betweenSteps.getTime());

    const field = page.getByLabel('State at', { exact: true });
    const show = page.getByRole('button', { name: 'Show the state' });
    const shown = (term: string) => page.locator(`.state-summary dt:text-is("${term}") + dd`).textContent();
    await field.fill(londonLocal(betweenSteps));
    await show.click();
    await page.locator('.state-summary').waitFor();
    expect(await shown('Status')).toBe('Referred');
    expect(await shown('Version')).toBe('2');
    expect(await shown('Service provider')).toBe('Wiltshire Highways');

    await field.fill(londonLocal(new Date(Date.parse(events[0].recordedAt) - 60_000)));
    await show.click();
    await page.getByText(/^The issue did not exist yet at that time/).waitFor();
  });

  it('verify on a clean store says so, with the figures the API reports', async () => {
    const { body: report } = await api.http.get('/audit/verify').set('Authorization', auditorBearer).expect(200);
    expect(report.ok).toBe(true);
    await verifyButton().click();
    await verifyStatus().getByText(/^Verified:/).waitFor();
    expect(await verifyStatus().textContent()).toBe(`Verified: ${report.streamsChecked} streams, ${report.eventsChecked} events, no violations`);
    expect(await page.locator('.history-flagged').count()).toBe(0);
  });

  it('after one stored event is tampered with, verify lists the violation and the history marks its row', async () => {
    // The referral's data rewritten in the database, behind the store's back.
    const db = new Database(join(location.dataDir, 'events.db'));
    try {
      db.prepare("UPDATE events SET data = json_set(data, '$.serviceProvider', 'Someone Else Ltd') WHERE stream_id = ? AND version = 2").run(`issue-${audited.id}`);
    } finally {
      db.close();
    }
    const { body: report } = await api.http.get('/audit/verify').set('Authorization', auditorBearer).expect(200);
    expect(report).toMatchObject({ ok: false, violations: [{ issueId: audited.id, version: 2, kind: 'hash-mismatch' }] });

    await verifyButton().click();
    await verifyStatus().getByText(/^Verify failed:/).waitFor();
    expect(await verifyStatus().textContent()).toBe(
      `Verify failed: ${report.streamsChecked} streams, ${report.eventsChecked} events, 1 violation (1 in this issue: marked in its history below)`,
    );
    const listed = page.locator('.violations-table tbody tr');
    expect(await listed.count()).toBe(1);
    expect(await listed.locator('td').allTextContents()).toEqual(['This issue', '2', 'Hash mismatch', report.violations[0].detail]);
    // The history is read again: the row of version 2 holds the rewritten data and says what verify found, in words; the others are not marked.
    await row(2).locator('pre', { hasText: 'Someone Else Ltd' }).waitFor({ state: 'attached' });
    expect(await row(2).getAttribute('class')).toBe('history-flagged');
    expect(await row(2).locator('th .history-violation').textContent()).toBe('Hash mismatch');
    for (const version of [1, 3]) expect(await row(version).locator('.history-violation').count()).toBe(0);

    // The result stays while the auditor looks at another issue, and marks the row again on coming back.
    const summary = await verifyStatus().textContent();
    await page.goto(`${base}/console#/audit/${other.reference}`);
    await page.getByRole('heading', { level: 1, name: `Audit of ${other.reference}` }).waitFor();
    expect(await verifyStatus().textContent()).toBe(`Verify failed: ${report.streamsChecked} streams, ${report.eventsChecked} events, 1 violation`);
    expect(await page.locator('.violations-table tbody tr td').first().textContent()).not.toBe('This issue');
    await page.goto(`${base}/console#/audit/${audited.reference}`);
    await row(2).locator('th .history-violation').waitFor();
    expect(await verifyStatus().textContent()).toBe(summary);
  });

  it('offers an auditor no steps and no intake', async () => {
    expect(await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link').allTextContents()).toEqual(['Audit']);
    for (const name of COMMAND_BUTTONS) expect({ name, count: await page.getByRole('button', { name, exact: true }).count() }).toEqual({ name, count: 0 });
    const intake = await browser.context.newPage();
    await intake.goto(`${base}/console#/intake&token=${auditorToken}`);
    await intake.getByRole('heading', { level: 1, name: 'New issue' }).waitFor();
    expect(await intake.getByText('your role (Auditor) does not log issues').count()).toBe(1);
    expect(await intake.locator('form').count()).toBe(0);
    await intake.close();
  });

  it('axe-core finds no violations on the view with its history, state and verify results, on a desktop and at phone width', async () => {
    // The state between the steps shown again, a hash and a row's data opened.
    await page.getByLabel('State at', { exact: true }).fill(londonLocal(betweenSteps));
    await page.getByRole('button', { name: 'Show the state' }).click();
    await page.locator('.state-summary').waitFor();
    await row(1).locator('.history-hash summary').click();
    await row(3).locator('.history-data summary').click();
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      expect({ width, violations: await axeViolations(page) }).toEqual({ width, violations: [] });
      if (width === 375) expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    }
    // All that went wrong: the 404 of the state before the issue existed, and the browser's note of it.
    expect(problems.filter((problem) => !/\b404\b/.test(problem))).toEqual([]);
  });
});
