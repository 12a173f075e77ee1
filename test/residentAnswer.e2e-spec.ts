import type { Page } from 'playwright-core';
import type { EventStoreAdapter } from '@app/event-store';
import { ResidentLinks } from '@app/notifications';
import { streamIdOf } from '@app/streams';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { axeViolations } from './support/axe';
import { type Browser, watchProblems } from './support/browser';
import { eventually } from './support/eventually';
import { admin, advance, type IssueBody, manager, raise } from './support/issueRequests';
import { startPagesApp, stopPagesApp } from './support/pagesApp';
import { JWT_SECRET, type StoreLocation, type TestApp } from './support/testApp';

/*
 * The resident's answer to an outcome, given on the tracker page opened from the links of the
 * outcome message (`/track/:reference?action=confirm|dispute&token=`), in a real Chromium on the
 * real app: a confirmation recorded once (the same link again is refused as used), a dispute that
 * reopens the issue with its reason (in Welsh), a forged link refused, a lost connection that
 * keeps what was typed, a server's refusal of the text put beside it. The token leaves the address
 * bar at once and is never written to the console. axe-core finds nothing in any state.
 */

const PHONE_WIDTH = 375;
const DESKTOP_WIDTH = 1280;
const REASON = 'The light by the footpath went out again two days later.';

describe('the confirm-or-dispute panel on the tracker, in a real Chromium', () => {
  let location: StoreLocation;
  let api: TestApp;
  let base: string;
  let browser: Browser;
  const opened: { page: Page; problems: string[]; expected: RegExp[]; console: string[] }[] = [];
  const tokens: string[] = [];

  async function open(path: string, width: number, expected: RegExp[] = []): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const console: string[] = [];
    page.on('console', (message) => console.push(message.text()));
    opened.push({ page, problems: watchProblems(page), expected, console });
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

  const focusedId = (page: Page) => page.evaluate<string>('document.activeElement.id');

  /** An issue walked to feedback through the staff API, and the token its outcome message's links carry. */
  async function fedBack(overrides: Record<string, unknown> = {}): Promise<{ issue: IssueBody; token: string }> {
    const issue = await advance(api.http, await raise(api.http, overrides), ['refer', 'resolve', 'feed-back']);
    const events = await api.app.get<EventStoreAdapter>(EVENT_STORE).readStream(streamIdOf(issue.id));
    const message = events.filter((event) => event.type === 'OutcomeFedBack').pop()!;
    // As the outbox signs it: the link names the outcome message it came in.
    const token = new ResidentLinks(JWT_SECRET).sign({ issueId: issue.id, reference: issue.reference, tokenId: message.id, issuedAt: new Date(message.recordedAt) });
    tokens.push(token);
    await eventually(async () => expect((await api.http.get(`/public/issues/${issue.reference}`)).body.status).toBe('fedBack'), 2_000);
    return { issue, token };
  }

  const timeline = async (issue: IssueBody) =>
    (await api.http.get(`/issues/${issue.id}/timeline`).set('Authorization', manager)).body as { type: string; note?: string; actor: { id: string } }[];

  beforeAll(async () => {
    ({ location, api, base, browser } = await startPagesApp());
  }, 60_000);

  afterAll(() => stopPagesApp({ location, api, browser }), 60_000);

  it('confirms through the link once: the token leaves the address, thanks follow, and the same link again is refused as used', async () => {
    const { issue, token } = await fedBack();
    const link = `/track/${issue.reference}?action=confirm&token=${encodeURIComponent(token)}`;
    const page = await open(link, PHONE_WIDTH);
    await page.locator('h2', { hasText: 'Is your issue resolved?' }).waitFor();
    // The token is read, then taken out of the address bar (and so out of the history).
    expect(page.url()).toBe(`${base}/track/${issue.reference}`);
    // The panel sits above the timeline.
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.indexOf('Is your issue resolved?')).toBeLessThan(headings.indexOf('What has happened'));
    // The other language keeps the answer to give.
    const welsh = new URL((await page.getByRole('link', { name: 'Cymraeg' }).getAttribute('href'))!, base);
    expect(Object.fromEntries(welsh.searchParams)).toEqual({ lang: 'cy', action: 'confirm', token });
    await expectAxeCleanAtBothWidths(page, 'confirm panel');

    await page.getByRole('button', { name: 'Confirm it is resolved' }).click();
    await page.locator('h2', { hasText: 'Thank you for confirming' }).waitFor();
    await eventually(async () => expect(await focusedId(page)).toBe('answer-heading'));
    expect(await page.locator('.answer-panel p').textContent()).toBe('We have recorded that your issue is resolved.');
    expect((await timeline(issue)).filter((step) => step.type === 'OutcomeConfirmed').map((step) => step.actor.id)).toEqual(['resident']);
    // Answered, the language switch no longer carries the spent token.
    expect(await page.getByRole('link', { name: 'Cymraeg' }).getAttribute('href')).toBe(`/track/${issue.reference}?lang=cy`);
    await expectAxeCleanAtBothWidths(page, 'confirm panel, answered');

    const again = await open(link, DESKTOP_WIDTH, [/HTTP 403: POST .*\/confirm/, /status of 403/]);
    await again.getByRole('button', { name: 'Confirm it is resolved' }).click();
    await again.locator('h2', { hasText: 'This link cannot be used' }).waitFor();
    expect(await again.locator('.answer-panel p').textContent()).toMatch(/^This link has already been used/);
    await expectAxeCleanAtBothWidths(again, 'confirm panel, link used');
    expect((await timeline(issue)).filter((step) => step.type === 'OutcomeConfirmed')).toHaveLength(1);
    // Closed, so that nothing they still ask meets the next test's lost connection.
    await Promise.all([page.close(), again.close()]);
  });

  it('disputes through the link in Welsh: the reason is required, the issue is reopened with it, and the page shows it logged again', async () => {
    const { issue, token } = await fedBack({ raisedBy: { name: 'Gwenllian ap Rhys', email: 'gwenllian@example.invalid', language: 'cy' } });
    const page = await open(`/track/${issue.reference}?lang=cy&action=dispute&token=${encodeURIComponent(token)}`, PHONE_WIDTH);
    await page.locator('h2', { hasText: 'A oes rhywbeth o’i le o hyd?' }).waitFor();
    expect(page.url()).toBe(`${base}/track/${issue.reference}?lang=cy`);
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await page.locator('label[for="answer-reason"]').textContent()).toBe('Beth sydd o’i le o hyd?');

    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.getByRole('button', { name: 'Rhoi gwybod i ni nad yw wedi’i ddatrys' }).click();
    expect(await page.locator('#answer-reason-error').textContent()).toBe('Gwall: Dywedwch beth sydd o’i le o hyd');
    expect(await page.locator('#answer-reason').getAttribute('aria-invalid')).toBe('true');
    expect(posts).toEqual([]);
    await expectAxeCleanAtBothWidths(page, 'dispute panel in Welsh, with an error');

    // The link between the two answers keeps the token and what was typed.
    await page.fill('#answer-reason', REASON);
    await page.getByRole('link', { name: 'Wedi’i ddatrys wedi’r cyfan? Cadarnhewch hynny yma' }).click();
    await page.getByRole('button', { name: 'Cadarnhau ei fod wedi’i ddatrys' }).waitFor();
    await page.getByRole('link', { name: 'Heb ei ddatrys? Dywedwch wrthym beth sydd o’i le o hyd' }).click();
    expect(await page.inputValue('#answer-reason')).toBe(REASON);

    await page.getByRole('button', { name: 'Rhoi gwybod i ni nad yw wedi’i ddatrys' }).click();
    await page.locator('h2', { hasText: 'Diolch: rydym wedi ailagor eich mater' }).waitFor();
    expect(posts).toEqual([`${base}/public/issues/${issue.reference}/dispute`]);
    // The page reads the issue again: it is logged again, in Welsh.
    await page.locator('dt:text-is("Statws") + dd', { hasText: 'Wedi’i gofnodi' }).waitFor();
    const view = await api.http.get(`/issues/${issue.id}`).set('Authorization', admin);
    expect(view.body.status).toBe('logged');
    const disputed = (await timeline(issue)).find((step) => step.type === 'OutcomeDisputed');
    expect(disputed).toMatchObject({ note: REASON, actor: { id: 'resident' } });
    await expectAxeCleanAtBothWidths(page, 'dispute panel in Welsh, answered');
    await page.close();
  });

  it('refuses a forged link, saying so in place of the form', async () => {
    const { issue, token } = await fedBack();
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const page = await open(`/track/${issue.reference}?action=confirm&token=${forged}`, DESKTOP_WIDTH, [/HTTP 403: POST .*\/confirm/, /status of 403/]);
    await page.getByRole('button', { name: 'Confirm it is resolved' }).click();
    await page.locator('h2', { hasText: 'This link cannot be used' }).waitFor();
    expect(await page.locator('.answer-panel p').textContent()).toBe(
      'This link has expired or has already been used. Please contact us if you still need to tell us about this issue.',
    );
    expect(await page.getByRole('button', { name: 'Confirm it is resolved' }).count()).toBe(0);
    await expectAxeCleanAtBothWidths(page, 'confirm panel, forged link');
    const view = await api.http.get(`/issues/${issue.id}`).set('Authorization', admin);
    expect(view.body).toMatchObject({ status: 'fedBack', version: issue.version });
    await page.close();
  });

  it('keeps the reason when the connection is lost, puts a refusal of the text beside it, then sends it', async () => {
    const { issue, token } = await fedBack();
    const page = await open(`/track/${issue.reference}?action=dispute&token=${encodeURIComponent(token)}`, PHONE_WIDTH, [
      /request failed: POST .*\/dispute/,
      /ERR_INTERNET_DISCONNECTED/,
      /HTTP 400: POST .*\/dispute/,
      /status of 400/,
    ]);
    await page.locator('h2', { hasText: 'Is something still wrong?' }).waitFor();
    await page.fill('#answer-reason', REASON);
    await browser.context.setOffline(true);
    try {
      await page.getByRole('button', { name: 'Tell us it is not resolved' }).click();
      await page.locator('.error-summary', { hasText: 'this device could not reach the council’s server' }).waitFor();
      expect(await page.inputValue('#answer-reason')).toBe(REASON);
    } finally {
      await browser.context.setOffline(false);
    }

    // Text the API refuses (API.md: "Text fields reject NUL") is named beside the field, in the API's words.
    await page.locator('#answer-reason').evaluate((element, text) => {
      (element as unknown as { value: string }).value = text;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }, `${REASON}\u0000`);
    expect(await page.inputValue('#answer-reason')).toBe(`${REASON}\u0000`);
    await page.getByRole('button', { name: 'Tell us it is not resolved' }).click();
    await page.locator('#answer-reason-error').waitFor({ timeout: 5_000 });
    expect(await page.locator('#answer-reason-error').textContent()).toMatch(/^Error: reason /);
    await expectAxeCleanAtBothWidths(page, 'dispute panel, refused text');

    await page.fill('#answer-reason', REASON);
    await page.getByRole('button', { name: 'Tell us it is not resolved' }).click();
    await page.locator('h2', { hasText: 'Thank you: we have reopened your issue' }).waitFor();
    await page.locator('dt:text-is("Status") + dd', { hasText: 'Logged' }).waitFor();
    expect((await timeline(issue)).filter((step) => step.type === 'OutcomeDisputed').map((step) => step.note)).toEqual([REASON]);
  });

  it('met no problem in any page but those the tests caused on purpose, and never wrote a token to the console', () => {
    const unexpected = opened.flatMap(({ problems, expected }) => problems.filter((problem) => !expected.some((pattern) => pattern.test(problem))));
    expect(unexpected).toEqual([]);
    const written = opened.flatMap(({ console }) => console).filter((text) => tokens.some((token) => text.includes(token) || text.includes(token.split('.')[2])));
    expect(written).toEqual([]);
  });
});
