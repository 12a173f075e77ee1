import type { Locator, Page } from 'playwright-core';
import { mintToken } from '../apps/api/src/auth/token';
import { axeViolations } from './support/axe';
import { eventually } from './support/eventually';
import { type Browser, watchProblems } from './support/browser';
import { startPagesApp, stopPagesApp } from './support/pagesApp';
import { admin, command, type IssueBody, raise } from './support/issueRequests';
import { JWT_SECRET, type StoreLocation, type TestApp } from './support/testApp';

/*
 * The staff console in a real headless Chromium, on the real app over a fresh SQLite store: an
 * issue reported on /report and walked to feedback using only the console's queue and issue page, each step
 * checked through the API; a second tab that gets the 409 path; a double click that records
 * once; the steps offered to each role; axe-core on the queue and the issue page, on a desktop
 * and at phone width. Expected words and steps come from the contract, never from the page.
 */

const PEOPLE = {
  manager: { sub: 'maya-patel', name: 'Maya Patel', role: 'areaManager', areas: ['trowbridge'] },
  chair: { sub: 'chris-okafor', name: 'Chris Okafor', role: 'boardChair', areas: ['trowbridge'] },
  officer: { sub: 'olu-adeyemi', name: 'Olu Adeyemi', role: 'officer', areas: ['trowbridge'] },
} as const;
type Person = keyof typeof PEOPLE;
const tokenOf = (person: Person) => mintToken(JWT_SECRET, PEOPLE[person]);
const bearerOf = (person: Person) => `Bearer ${tokenOf(person)}`;
const ROLE_WORDS: Record<string, string> = { areaManager: 'Area manager', boardChair: 'Board chair', officer: 'Officer' };
const actorWords = (person: Person) => `${PEOPLE[person].name} (${ROLE_WORDS[PEOPLE[person].role]})`;

/** API.md, "Public": each command's button, in the order the console shows them. */
const BUTTON_WORDS: Record<string, string> = {
  refer: 'Refer',
  'board-review': 'Board review',
  roundtable: 'Roundtable',
  resolve: 'Resolve',
  'feed-back': 'Feed back',
  'record-confirmation': 'Record confirmation',
  reopen: 'Reopen',
  withdraw: 'Withdraw',
  assign: 'Assign',
  notes: 'Add note',
  'await-resident': 'Ask resident',
  'resident-replied': 'Resident replied',
  'upgrade-workflow': 'Upgrade workflow',
};
const STATUS_WORDS: Record<string, string> = {
  logged: 'Logged', referred: 'Referred', boardReview: 'Board review', roundtable: 'Roundtable', resolved: 'Resolved', fedBack: 'Fed back', withdrawn: 'Withdrawn',
};

const DAY = 86_400_000;
const londonDay = (offsetDays = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() + offsetDays * DAY));

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

const focusedId = (page: Page) => page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
/** Waits for the focus to reach the element `selector` names (focus moves once the page has drawn). */
async function waitForFocus(page: Page, selector: string, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.locator(selector).evaluate((element) => element === element.ownerDocument.activeElement))) {
    if (Date.now() > deadline) throw new Error(`the focus is on #${await focusedId(page)}, not on ${selector}, after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const shownStatus = (page: Page) => page.locator('#issue-status').textContent();
/** The issue's version as the page shows it: the version its next form will send. */
const waitForVersion = (page: Page, version: number) => waitForText(page, '#issue-summary dt:text-is("Version") + dd', (text) => text === String(version));
const buttonsOffered = (page: Page) => page.locator('.command-buttons button').allTextContents();

describe('the staff console, in a real Chromium', () => {
  let location: StoreLocation;
  let api: TestApp;
  let base: string;
  let browser: Browser;
  /** Every page opened, with what went wrong in it. */
  const opened: { page: Page; problems: string[]; conflictsExpected: number; alsoExpected: readonly RegExp[] }[] = [];

  beforeAll(async () => {
    ({ location, api, base, browser } = await startPagesApp());
  }, 60_000);

  afterAll(() => stopPagesApp({ location, api, browser }), 60_000);

  // Each console tab holds a live feed's connection, and Chromium opens at most six to one server.
  afterEach(async () => {
    for (const { page } of opened) if (!page.isClosed()) await page.close();
  });

  /** A console tab signed in as `person` (its own session storage), at `hash`. */
  async function consoleFor(person: Person, hash = '/', conflictsExpected = 0, alsoExpected: readonly RegExp[] = []): Promise<Page> {
    const page = await browser.context.newPage();
    opened.push({ page, problems: watchProblems(page), conflictsExpected, alsoExpected });
    // Signed in once the live feed answers: from then on, every change reaches this tab.
    const liveFeedAnswered = page.waitForResponse((response) => new URL(response.url()).pathname === '/events/stream' && response.status() === 200);
    await page.goto(`${base}/console#token=${tokenOf(person)}`);
    await liveFeedAnswered;
    await waitForText(page, '.who strong', (text) => text === PEOPLE[person].name);
    if (hash !== '/') await page.goto(`${base}/console#${hash}`);
    return page;
  }

  const openIssue = async (person: Person, issue: IssueBody, conflictsExpected = 0) => {
    const page = await consoleFor(person, `/issues/${issue.id}`, conflictsExpected);
    await waitForText(page, 'h1', (text) => text.startsWith(issue.reference));
    return page;
  };

  const readIssue = async (issue: { id: string }) => (await api.http.get(`/issues/${issue.id}`).set('Authorization', admin).expect(200)).body as IssueBody;

  /** The buttons the console must offer `person` on the issue as the API has it now: its allowed steps that the role may take. */
  async function expectedButtons(issue: { id: string }, person: Person): Promise<string[]> {
    const stored = await readIssue(issue);
    const me = (await api.http.get('/me').set('Authorization', bearerOf(person)).expect(200)).body as { commands: string[] };
    return Object.keys(BUTTON_WORDS)
      .filter((name) => stored.allowedCommands.includes(name) && me.commands.includes(name))
      .map((name) => BUTTON_WORDS[name]);
  }

  /** Opens a step's form by its button and checks the form is that step's, focused at its heading. */
  async function openForm(page: Page, label: string): Promise<Locator> {
    await page.getByRole('button', { name: label, exact: true }).click();
    const form = page.getByRole('form', { name: label, exact: true });
    await form.waitFor();
    await waitForFocus(page, '#command-form-heading');
    return form;
  }

  /** Submits a form and waits for the page to say the step was recorded. */
  async function submit(page: Page, form: Locator, label: string, status: string): Promise<void> {
    await form.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForText(page, '#issue-notice', (text) => text === `Recorded: ${label}. The issue is now ${STATUS_WORDS[status]}.`);
  }

  /** The API has the step, and the page shows its status and the step in the timeline with who did it. */
  async function expectStep(page: Page, issue: { id: string }, step: { status: string; version: number; by: Person; type: string }): Promise<IssueBody> {
    const stored = await readIssue(issue);
    expect([stored.status, stored.version]).toEqual([step.status, step.version]);
    expect(await shownStatus(page)).toBe(STATUS_WORDS[step.status]);
    await waitForText(page, `#issue-timeline > li:last-child[data-version="${step.version}"]`, (text) => text.includes(actorWords(step.by)));
    const timeline = await api.http.get(`/issues/${issue.id}/timeline`).set('Authorization', bearerOf(step.by)).expect(200);
    expect((timeline.body as { version: number; type: string }[]).at(-1)).toMatchObject({ version: step.version, type: step.type });
    return stored;
  }

  it('walks an issue from intake to feedback using only the console, each step checked through the API', async () => {
    // A resident reports it on /report.
    const resident = await browser.context.newPage();
    opened.push({ page: resident, problems: watchProblems(resident), conflictsExpected: 0, alsoExpected: [] });
    await resident.goto(`${base}/report`);
    await resident.locator('#report-areaId option', { hasText: 'Trowbridge Area Board' }).waitFor({ state: 'attached' });
    await resident.fill('#report-title', 'Streetlight out on Wicker Hill');
    await resident.fill('#report-description', 'The lamp outside number 3 has been dark for a week.');
    await resident.selectOption('#report-category', { label: 'Highways' });
    await resident.selectOption('#report-areaId', { label: 'Trowbridge Area Board' });
    await resident.fill('#report-location-address', '3 Wicker Hill, Trowbridge');
    await resident.fill('#report-raisedBy-name', 'Ada Resident');
    await resident.fill('#report-raisedBy-email', 'ada@example.org');
    await resident.getByRole('button', { name: 'Send report' }).click();
    const sent = await waitForText(resident, '.report-sent h2', (text) => /Your reference is TROW-\d{4}-\d{5}$/.test(text));
    const raised = (await api.http.get(`/issues/${sent.split(' ').at(-1)}`).set('Authorization', admin).expect(200)).body as IssueBody;
    expect([raised.status, raised.version, raised.channel]).toEqual(['logged', 1, 'online']);

    await raise(api.http, { title: 'Pothole on Castle Street' });

    const manager = await consoleFor('manager');
    await waitForText(manager, '.pager-range', (text) => text === 'Showing 1–2 of 2');
    // The manager finds it in the queue by its text, and the filter goes into the address.
    await manager.locator('#queue-q').fill('Wicker Hill');
    await manager.getByRole('button', { name: 'Apply filters' }).click();
    await waitForText(manager, '.pager-range', (text) => text === 'Showing 1–1 of 1');
    expect(new URL(manager.url()).hash).toBe('#/?q=Wicker+Hill');
    expect(await manager.locator('.queue-table tbody tr a').allTextContents()).toEqual([raised.reference]);
    await waitForText(manager, 'nav[aria-label="Issues by status"] a[aria-current="true"]', (text) => text === 'All 1');
    await manager.getByRole('link', { name: raised.reference, exact: true }).click();
    await waitForText(manager, 'h1', (text) => text === `${raised.reference}: Streetlight out on Wicker Hill`);
    expect(await shownStatus(manager)).toBe('Logged');

    // An internal note.
    let form = await openForm(manager, 'Add note');
    expect(await form.locator('label').allTextContents()).toEqual(['Text', 'Public', 'Occurred at (optional)']);
    await form.getByLabel('Text', { exact: true }).fill('Asked the lighting team whether the column is on their list.');
    await submit(manager, form, 'Add note', 'logged');
    await expectStep(manager, raised, { status: 'logged', version: 2, by: 'manager', type: 'NoteAdded' });
    expect(await manager.locator('#issue-timeline > li:last-child .tag').textContent()).toBe('Internal');
    expect(await manager.getByRole('form').count()).toBe(0);

    // Board review: an empty form is stopped before it is sent, each problem named beside its field.
    form = await openForm(manager, 'Board review');
    expect(await form.locator('label').allTextContents()).toEqual(['Meeting date', 'Report', 'Occurred at (optional)']);
    await form.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForText(manager, '.error-summary', (text) => text.includes('Meeting date is required') && text.includes('Report is required'));
    await waitForFocus(manager, '.error-summary');
    expect(await form.getByLabel('Meeting date').getAttribute('aria-invalid')).toBe('true');
    expect((await readIssue(raised)).version).toBe(2);
    await form.getByLabel('Meeting date').fill(londonDay(14));
    await form.getByLabel('Report').fill('Residents ask for the column to be replaced, not repaired again.');
    await submit(manager, form, 'Board review', 'boardReview');
    await expectStep(manager, raised, { status: 'boardReview', version: 3, by: 'manager', type: 'BoardReviewScheduled' });

    // The board chair convenes the roundtable and resolves it.
    const chair = await openIssue('chair', raised);
    form = await openForm(chair, 'Roundtable');
    await form.getByLabel('Date', { exact: true }).fill(londonDay());
    await form.getByLabel('Participants').fill('Cllr Ames\nPC Brook, Ms Carr\n');
    await submit(chair, form, 'Roundtable', 'roundtable');
    await expectStep(chair, raised, { status: 'roundtable', version: 4, by: 'chair', type: 'RoundtableConvened' });
    const history = await api.http.get(`/issues/${raised.id}/history`).set('Authorization', admin).expect(200);
    expect((history.body as { events: { data: { participants?: string[] } }[] }).events[3].data.participants).toEqual(['Cllr Ames', 'PC Brook', 'Ms Carr']);

    form = await openForm(chair, 'Resolve');
    await form.getByLabel('Outcome').fill('The column was replaced on Tuesday.');
    await submit(chair, form, 'Resolve', 'resolved');
    await expectStep(chair, raised, { status: 'resolved', version: 5, by: 'chair', type: 'IssueResolved' });

    // The manager's tab, with no form open, followed the chair's steps live.
    await waitForText(manager, '#issue-status', (text) => text === 'Resolved');
    await waitForVersion(manager, 5);
    form = await openForm(manager, 'Feed back');
    await form.getByLabel('Message').fill('The column was replaced; thank you for telling us.');
    await form.getByLabel('Channel').selectOption('email');
    await submit(manager, form, 'Feed back', 'fedBack');
    const fedBack = await expectStep(manager, raised, { status: 'fedBack', version: 6, by: 'manager', type: 'OutcomeFedBack' });
    expect(fedBack.outcome).toBe('The column was replaced on Tuesday.');
    expect(await buttonsOffered(manager)).toEqual(await expectedButtons(raised, 'manager'));
    expect(await buttonsOffered(manager)).toContain('Reopen');
  }, 60_000);

  it('tells a second tab plainly that the issue moved meanwhile, reloads it, and records nothing twice', async () => {
    const raised = await raise(api.http, { title: 'Fly-tipping behind the library' });
    const referred = (await command(api.http, raised, 'refer', {}, bearerOf('manager')).expect(200)).body as IssueBody;
    const first = await openIssue('manager', referred);
    const second = await openIssue('manager', referred, 2);

    // Both open Add note; the first records it.
    const firstForm = await openForm(first, 'Add note');
    const secondForm = await openForm(second, 'Add note');
    await firstForm.getByLabel('Text', { exact: true }).fill('Checked the camera footage.');
    await secondForm.getByLabel('Text', { exact: true }).fill('Asked the library for its bin schedule.');
    await submit(first, firstForm, 'Add note', 'referred');
    expect((await readIssue(referred)).version).toBe(3);

    // The second hears of it live, but its form keeps the version it was opened at.
    await waitForText(second, '.issue-changed', (text) => text.includes('This issue has just changed. Reload to see it'));
    await waitForVersion(second, 2);
    await secondForm.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForText(second, '#issue-notice [role="alert"]', (text) =>
      text === 'Someone else changed this issue while you had it open (it is now at version 3, Referred). It has been reloaded: check the timeline, then submit again.',
    );
    expect((await readIssue(referred)).version).toBe(3);
    await waitForVersion(second, 3);
    await waitForText(second, '#issue-timeline > li:last-child', (text) => text.includes('Checked the camera footage.'));
    // Add note is still allowed: the form is still open with what was typed, and goes through now.
    expect(await secondForm.getByLabel('Text', { exact: true }).inputValue()).toBe('Asked the library for its bin schedule.');
    await submit(second, secondForm, 'Add note', 'referred');
    expect((await readIssue(referred)).version).toBe(4);

    // Both open Resolve; the first resolves; the second's Resolve is no longer a step it may take.
    await waitForVersion(first, 4);
    const firstResolve = await openForm(first, 'Resolve');
    const secondResolve = await openForm(second, 'Resolve');
    await firstResolve.getByLabel('Outcome').fill('Cleared by the waste team.');
    await secondResolve.getByLabel('Outcome').fill('Cleared, and a sign put up.');
    await submit(first, firstResolve, 'Resolve', 'resolved');
    await secondResolve.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForText(second, '#issue-notice [role="alert"]', (text) => text.startsWith('Someone else changed this issue while you had it open (it is now at version 5, Resolved).'));
    const stored = await readIssue(referred);
    expect([stored.status, stored.version, stored.outcome]).toEqual(['resolved', 5, 'Cleared by the waste team.']);
    expect(await shownStatus(second)).toBe('Resolved');
    expect(await second.getByRole('form').count()).toBe(0);
    expect(await buttonsOffered(second)).toEqual(await expectedButtons(referred, 'manager'));
    expect(await buttonsOffered(second)).not.toContain('Resolve');

    // A tab with a form open is told of a change and reloads when asked, keeping what was typed.
    await waitForVersion(second, 5);
    const noteForm = await openForm(second, 'Add note');
    await noteForm.getByLabel('Text', { exact: true }).fill('Told the library it is cleared.');
    await command(api.http, stored, 'notes', { text: 'Photographed the cleared site.' }, bearerOf('chair')).expect(200);
    await waitForText(second, '.issue-changed', (text) => text.includes('This issue has just changed. Reload to see it'));
    await waitForVersion(second, 5);
    await second.getByRole('button', { name: 'Reload', exact: true }).click();
    await waitForVersion(second, 6);
    expect(await second.locator('.issue-changed').count()).toBe(0);
    await waitForText(second, '#issue-timeline > li:last-child', (text) => text.includes(actorWords('chair')));
    expect(await noteForm.getByLabel('Text', { exact: true }).inputValue()).toBe('Told the library it is cleared.');
    await submit(second, noteForm, 'Add note', 'resolved');
    expect((await readIssue(referred)).version).toBe(7);
  }, 60_000);

  it('records a double-clicked Submit once, with an Idempotency-Key on every step', async () => {
    const raised = await raise(api.http, { title: 'Blocked drain on Hilperton Road' });
    const page = await openIssue('manager', raised);
    const keys: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') keys.push(request.headers()['idempotency-key']);
    });
    const form = await openForm(page, 'Add note');
    await form.getByLabel('Text', { exact: true }).fill('Rodded the drain; it is clear.');
    await form.getByRole('button', { name: 'Submit', exact: true }).dblclick();
    await waitForText(page, '#issue-notice', (text) => text === 'Recorded: Add note. The issue is now Logged.');
    // Long enough for a second submission to land, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await readIssue(raised)).version).toBe(2);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps what was typed and says why when the server refuses a field or cannot be reached, then records the step once', async () => {
    const raised = await raise(api.http, { title: 'Graffiti on the Shires underpass' });
    const notesPost = /POST .*\/issues\/[^/]+\/notes/;
    const page = await consoleFor('manager', `/issues/${raised.id}`, 0, [
      new RegExp(`^HTTP 400: ${notesPost.source}`),
      /status of 400/,
      new RegExp(`^request failed: ${notesPost.source}`),
      /ERR_INTERNET_DISCONNECTED/,
    ]);
    await waitForText(page, 'h1', (text) => text.startsWith(raised.reference));
    const form = await openForm(page, 'Add note');
    const text = form.getByLabel('Text', { exact: true });
    await text.fill('Booked the graffiti team for Thursday.');

    // Before the issue was logged: only the server can tell, and its answer goes beside the field.
    await form.getByLabel('Occurred at (optional)').fill('2020-01-01T09:00');
    await form.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForText(page, '#command-notes-form-occurredAt-error', (message) => message.includes('occurredAt must not be'));
    expect(await form.getByLabel('Occurred at (optional)').getAttribute('aria-describedby')).toContain('command-notes-form-occurredAt-error');
    expect(await text.inputValue()).toBe('Booked the graffiti team for Thursday.');
    expect((await readIssue(raised)).version).toBe(1);

    // The connection drops as it is sent again: said plainly, what was typed kept, nothing recorded.
    await form.getByLabel('Occurred at (optional)').fill('');
    await page.route('**/issues/*/notes', (route) => route.abort('internetdisconnected'), { times: 1 });
    await form.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForText(page, '#command-form .error-summary', (message) => message.includes('The server could not be reached') && message.includes('What you typed is kept.'));
    expect(await text.inputValue()).toBe('Booked the graffiti team for Thursday.');
    expect((await readIssue(raised)).version).toBe(1);

    // Back online: sent again, recorded once.
    await submit(page, form, 'Add note', 'logged');
    expect((await readIssue(raised)).version).toBe(2);
  });

  it("offers each role exactly the steps the issue's status allows and the role may take: no Refer for an officer", async () => {
    const raised = await raise(api.http, { title: 'Overgrown hedge on Frome Road' });
    for (const person of ['officer', 'manager'] as const) {
      const expected = await expectedButtons(raised, person);
      const page = await openIssue(person, raised);
      expect(await buttonsOffered(page)).toEqual(expected);
      if (person === 'officer') {
        expect(expected).not.toContain('Refer');
        expect(expected).toContain('Add note');
      } else {
        expect(expected).toContain('Refer');
      }
    }
  });

  it('pages through a long queue, marks overdue and escalated issues, and follows the live feed', async () => {
    const batch = 'Bollard';
    for (let n = 0; n < 52; n += 1) await raise(api.http, { title: `${batch} ${n} knocked over`, category: 'highways' });
    // One logged 40 days ago: its acknowledge deadline is long past.
    const old = await raise(api.http, { title: `${batch} from last month`, channel: 'phone', occurredAt: new Date(Date.now() - 40 * DAY).toISOString() }, admin);

    const page = await consoleFor('manager', `/?q=${batch}&sort=newest`);
    await waitForText(page, '.pager-range', (text) => text === 'Showing 1–50 of 53');
    expect(await page.locator('#queue-sort').inputValue()).toBe('newest');
    await page.getByRole('link', { name: 'Next page' }).click();
    await waitForText(page, '.pager-range', (text) => text === 'Showing 51–53 of 53');
    expect(new URL(page.url()).hash).toBe(`#/?q=${batch}&sort=newest&page=2`);
    // The oldest is last, newest first; its marks are those its deadlines imply.
    const row = page.locator(`tr[data-issue="${old.id}"]`);
    const stored = (await readIssue(old)) as IssueBody & { deadlines: { state: string; dueAt: string }[] };
    const today = londonDay();
    const marks = [
      ...(stored.deadlines.some((deadline) => deadline.state === 'running' && deadline.dueAt < today) ? ['Overdue'] : []),
      ...(stored.deadlines.some((deadline) => deadline.state === 'missed') ? ['Escalated'] : []),
    ];
    expect(marks.length).toBeGreaterThan(0);
    expect(await row.locator('.queue-mark').allTextContents()).toEqual(marks);
    await page.goBack();
    await waitForText(page, '.pager-range', (text) => text === 'Showing 1–50 of 53');
    // The counts by status set the Status filter, and Back undoes it.
    await page.getByRole('link', { name: 'Logged 53' }).click();
    await waitForText(page, 'nav[aria-label="Issues by status"] a[aria-current="true"]', (text) => text === 'Logged 53');
    expect(new URL(page.url()).hash).toBe(`#/?status=logged&q=${batch}&sort=newest`);
    await eventually(async () => expect(await page.locator('#queue-status').inputValue()).toBe('logged'));
    await page.goBack();
    await waitForText(page, 'nav[aria-label="Issues by status"] a[aria-current="true"]', (text) => text === 'All 53');

    // A new issue arrives: the queue reads itself again, says so, and the page is not reloaded.
    await page.evaluate('window.notReloaded = true');
    await page.locator('#queue-q').focus();
    await raise(api.http, { title: `${batch} outside the school` });
    await waitForText(page, '.pager-range', (text) => text === 'Showing 1–50 of 54', 5_000);
    await waitForText(page, '.queue-announcement', (text) => text === 'Queue updated');
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    expect(await focusedId(page)).toBe('queue-q');
  });

  it('passes axe-core with no violations on the queue and the issue page, with a form open, on a desktop and a phone', async () => {
    const raised = await raise(api.http, { title: 'Graffiti on the bus shelter' });
    const page = await consoleFor('manager');
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/console#/`);
      await page.locator('.queue-table').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // At phone width the page itself never scrolls sideways: only the table's own region does.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

      await page.goto(`${base}/console#/issues/${raised.id}`);
      await waitForText(page, 'h1', (text) => text.startsWith(raised.reference));
      await page.locator('#issue-timeline').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const form = await openForm(page, 'Refer');
      await form.getByRole('button', { name: 'Submit', exact: true }).click();
      await waitForText(page, '.error-summary', (text) => text.includes('Service provider is required'));
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await form.getByRole('button', { name: 'Cancel', exact: true }).click();
      await waitForFocus(page, '#command-refer');
    }
  });

  it('showed all that with no console error and no failed request, but the 409s caused on purpose', () => {
    for (const { problems, conflictsExpected, alsoExpected } of opened) {
      const conflicts = problems.filter((problem) => /^HTTP 409: POST /.test(problem));
      expect(conflicts).toHaveLength(conflictsExpected);
      // Each other problem caused on purpose did happen.
      for (const pattern of alsoExpected) expect({ pattern: String(pattern), seen: problems.some((problem) => pattern.test(problem)) }).toEqual({ pattern: String(pattern), seen: true });
      // The browser logs each refused request as a console error too.
      const unexpected = problems.filter((problem) => !/^HTTP 409: POST /.test(problem) && !/status of 409 \(Conflict\)/.test(problem) && !alsoExpected.some((pattern) => pattern.test(problem)));
      expect(unexpected).toEqual([]);
    }
  });
});
