import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { mintToken } from '../../apps/api/src/auth/token';
import { startApiProcess } from './apiProcess';
import { CHROMIUM } from './browser';

/*
 * The README's screenshots of the console and the resident pages, over the demo data:
 *   npm run build && npm run screenshots
 * Fills a throwaway store with `cli demo`, starts the built API on it, and photographs the
 * pages in Debian's chromium into docs/screenshots/. Not a test: it asserts nothing.
 */

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const SECRET = 'screenshots-secret';

interface Listed {
  readonly items: ReadonlyArray<{ id: string; reference: string; status: string; areaId: string }>;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'issues-screenshots-'));
  // No deadline scheduler: the demo backdates its histories, and a missed deadline it recorded meanwhile would make a step 409.
  const env = { DATA_DIR: dataDir, JWT_SECRET: SECRET, LOG_LEVEL: 'silent', SCHEDULER: 'off' };
  try {
    execFileSync('npm', ['run', '-s', 'cli', '--', 'demo', '--months', '6', '--per-month', '120'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    const api = await startApiProcess(env);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--lang=en-GB'] });
    try {
      const token = (role: 'areaManager' | 'auditor' | 'admin', name: string, areas: string[]) => mintToken(SECRET, { sub: `${role}-screenshots`, name, role, areas });
      const admin = token('admin', 'Screenshots', ['*']);
      const list = async (query: string): Promise<Listed> => (await fetch(`${api.url}/issues?${query}`, { headers: { Authorization: `Bearer ${admin}` } })).json() as Promise<Listed>;
      // The manager serves the area of an issue the board is reviewing, with a fed-back one beside it.
      const inBoardReview = (await list('status=boardReview&pageSize=1')).items[0];
      if (!inBoardReview) throw new Error('the demo data has no issue in board review');
      const area = inBoardReview.areaId;
      const fedBack = (await list(`areaId=${area}&status=fedBack&pageSize=1`)).items[0];
      if (!fedBack) throw new Error(`the demo data has no fed-back issue in ${area}`);
      const manager = token('areaManager', 'Alex Smith', [area]);
      const auditor = token('auditor', 'Sam Okafor', ['*']);

      const shoot = async (name: string, width: number, height: number, url: string, ready: (page: Page) => Promise<void>, fullPage = false) => {
        const page = await browser.newPage({ viewport: { width, height }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
        await page.goto(url);
        await ready(page);
        await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
        await page.close();
        console.log(`docs/screenshots/${name}.png`);
      };

      await shoot('queue', 1280, 900, `${api.url}/console#token=${manager}`, async (page) => {
        await page.getByRole('table').first().waitFor();
      });
      const openResolve = async (page: Page) => {
        await page.getByRole('button', { name: 'Resolve', exact: true }).click();
        await page.getByLabel('Outcome').fill('The developer agreed to a consultation evening; the board will hear its result.');
        await page.locator('#issue-timeline').waitFor();
      };
      await shoot('issue', 1280, 900, `${api.url}/console#/issues/${inBoardReview.id}&token=${manager}`, openResolve, true);
      await shoot('queue-phone', 375, 812, `${api.url}/console#token=${manager}`, async (page) => {
        await page.getByRole('table').first().waitFor();
      });
      await shoot('issue-phone', 375, 812, `${api.url}/console#/issues/${inBoardReview.id}&token=${manager}`, openResolve);
      await shoot('audit', 1280, 1100, `${api.url}/console#/audit/${fedBack.reference}&token=${auditor}`, async (page) => {
        await page.getByRole('button', { name: 'Verify the store' }).click();
        await page.getByText(/Verified|violation/i).first().waitFor();
      });
      await shoot('report-phone', 375, 812, `${api.url}/report`, async (page) => {
        await page.getByRole('button', { name: /send|report/i }).last().click();
        await page.locator('.error-summary').waitFor();
      }, true);
      await shoot('track-phone', 375, 812, `${api.url}/track/${fedBack.reference}`, async (page) => {
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByText(/What was done/).waitFor();
      }, true);
      const meeting = await agendaToPrint(api.url, admin, area);
      await shoot('agenda', 900, 1200, `${api.url}/meetings/${meeting}/agenda.html`, async (page) => {
        await page.emulateMedia({ media: 'print' });
        await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
      }, true);
    } finally {
      await browser.close();
      await api.kill('SIGTERM');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Tonight's board meeting with three issues put to it, one already decided there: the demo's own
 * board reviews name no meeting. Answers the meeting's id.
 */
async function agendaToPrint(url: string, token: string, areaId: string): Promise<string> {
  const post = async (path: string, body: object): Promise<{ id: string; version: number }> => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<{ id: string; version: number }>;
  };
  const date = `${new Date().toISOString().slice(0, 10)}T18:30:00Z`;
  const meeting = await post(`/areas/${areaId}/meetings`, { date, venue: 'Council Chamber, County Hall' });
  const items = [
    ['Speeding traffic through the village centre', 'highways', 'Residents ask for a 20 mph limit and a speed survey outside the primary school.'],
    ['Overflowing bins at the recreation ground', 'waste', 'Bins overflow every weekend from May to September; residents ask for more collections.'],
    ['Youth shelter for the skate park', 'community-safety', 'The youth forum asks the board to fund a shelter; the town council has offered a site.'],
  ] as const;
  for (const [index, [title, category, report]] of items.entries()) {
    const issue = await post('/issues', {
      title,
      description: report,
      category,
      areaId,
      channel: 'meeting',
      raisedBy: { name: 'A resident at the last meeting' },
    });
    const reviewed = await post(`/issues/${issue.id}/board-review`, { expectedVersion: issue.version, meetingId: meeting.id, report });
    if (index === 1) await post(`/issues/${issue.id}/refer`, { expectedVersion: reviewed.version, meetingId: meeting.id, serviceProvider: 'Waste and recycling' });
  }
  return meeting.id;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
