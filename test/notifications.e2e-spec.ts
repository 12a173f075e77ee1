import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { ResidentLinks } from '@app/notifications';
import { eventually } from './support/eventually';
import { admin, advance, command, type IssueBody, manager, officer, raise } from './support/issueRequests';
import { SmtpSink, type ReceivedEmail } from './support/smtpSink';
import { bearer, JWT_SECRET, newStoreLocation, removeStoreLocation, startTestApp, STORES, type StoreLocation, type TestApp } from './support/testApp';

const BASE = 'https://residents.example';
const FROM_DOMAIN = 'trowbridge.example';
const tag = () => randomBytes(5).toString('hex');

interface NotificationBody {
  id: string;
  event: string;
  channel: string;
  language: string;
  status: string;
  attempts: number;
  sentAt?: string;
  lastError?: string;
}

/** The path of a link a message carries, on the app under test (the links point at PUBLIC_BASE_URL). */
const pathOf = (url: string) => url.slice(BASE.length);
const linksIn = (text: string) => [...text.matchAll(/https:\/\/residents\.example\/[^\s)"<>]+/g)].map((match) => match[0]);

describe.each(STORES)('notifications to residents, on %s', (kind) => {
  let location: StoreLocation;
  let api: TestApp;
  let http: TestAgent;
  const sink = new SmtpSink();

  beforeAll(async () => {
    await sink.start();
    location = newStoreLocation(kind);
    api = await startTestApp(location, {
      SMTP_URL: sink.url,
      MAIL_FROM: `Trowbridge Area Board <issues@${FROM_DOMAIN}>`,
      PUBLIC_BASE_URL: BASE,
      OUTBOX_POLL_MS: '100',
    });
    http = api.http;
  });
  afterAll(async () => {
    await api.close();
    await sink.stop();
    await removeStoreLocation(location);
  });
  beforeEach(() => {
    sink.rule = () => undefined;
  });

  const notificationsOf = async (issue: { id: string }): Promise<NotificationBody[]> => {
    const response = await http.get(`/issues/${issue.id}/notifications`).set('Authorization', manager);
    expect(response.status).toBe(200);
    return response.body as NotificationBody[];
  };
  const emailsTo = (address: string, count: number) =>
    eventually(async () => {
      const emails = sink.to(address);
      expect(emails).toHaveLength(count);
      return emails;
    }, 15_000);
  const resident = (language: 'en' | 'cy', extra: Record<string, unknown> = {}) => {
    const address = `${language}.${tag()}@example.org`;
    return { address, raisedBy: { name: language === 'cy' ? 'Siân Ŵyn' : 'Ada Resident', email: address, language, ...extra } };
  };

  it('walks an issue through every stage: exactly one email per resident-facing step, in English, with links that work', async () => {
    const { address, raisedBy } = resident('en');
    let issue = await raise(http, { raisedBy });
    issue = await advance(http, issue, ['assign', 'board-review', 'notes', 'refer', 'resolve', 'feed-back', 'reopen']);

    const emails = await emailsTo(address, 5);
    const notifications = await notificationsOf(issue);
    expect(notifications.map((n) => [n.event, n.channel, n.language, n.status, n.attempts])).toEqual([
      ['IssueLogged', 'email', 'en', 'sent', 1],
      ['BoardReviewScheduled', 'email', 'en', 'sent', 1],
      ['IssueReferred', 'email', 'en', 'sent', 1],
      ['OutcomeFedBack', 'email', 'en', 'sent', 1],
      ['IssueReopened', 'email', 'en', 'sent', 1],
    ]);
    // Each message once, sent in the order of the steps, each with its notification's own Message-ID.
    const byId = new Map(emails.map((email) => [email.messageId, email]));
    expect([...byId.keys()]).toEqual(expect.arrayContaining(notifications.map((n) => `<${n.id}@${FROM_DOMAIN}>`)));
    expect(byId.size).toBe(5);
    for (const email of emails) {
      expect(email.from).toContain(`issues@${FROM_DOMAIN}`);
      expect(email.language).toBe('en');
      expect(email.subject).toContain(issue.reference);
      expect(email.text).toContain(issue.reference);
      expect(email.html).toContain(issue.reference);
    }
    const [logged, review, referred, fedBack, reopened] = notifications.map((n) => byId.get(`<${n.id}@${FROM_DOMAIN}>`) as ReceivedEmail);
    expect(logged.text).toContain(`${BASE}/track/${issue.reference}`);
    expect(review.text).toMatch(/3 December 2026/);
    expect(referred.text).toContain('Wiltshire Highways');
    expect(fedBack.text).toContain('The road was resurfaced; thank you for raising it.');
    expect(reopened.text).toContain('The pothole has come back.');
    // A moment later, still nothing more: no step is told twice.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sink.to(address)).toHaveLength(5);

    // Every link in every message leads somewhere real on the app.
    const links = new Set(emails.flatMap((email) => linksIn(email.text)));
    expect(links.size).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      const response = await http.get(pathOf(link));
      expect([link, response.status]).toEqual([link, 200]);
    }
  });

  it('tells the resident of a board review at a meeting: its date, venue and a working link to its agenda', async () => {
    const { address, raisedBy } = resident('en');
    const date = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const meeting = await http.post('/areas/trowbridge/meetings').set('Authorization', manager).send({ date, venue: 'County Hall, Trowbridge' });
    expect(meeting.status).toBe(201);
    const issue = await raise(http, { raisedBy });
    const review = await command(http, issue, 'board-review', { meetingId: meeting.body.id, meetingDate: undefined });
    expect(review.status).toBe(200);
    const [, email] = await emailsTo(address, 2);
    expect(email.text).toContain('County Hall, Trowbridge');
    const agendaLink = linksIn(email.text).find((link) => link.endsWith(`/meetings/${meeting.body.id}/agenda.html`));
    expect(agendaLink).toBeDefined();
    // The agenda is a projection: the issue is on it within a moment, if not already.
    await eventually(async () => {
      const agenda = await http.get(pathOf(agendaLink as string));
      expect(agenda.status).toBe(200);
      expect(agenda.text).toContain(issue.reference);
    }, 5_000);
  });

  it('writes to a Welsh resident in Welsh, the tracker link in Welsh too', async () => {
    const english = resident('en');
    const welsh = resident('cy');
    const issueEn = await raise(http, { raisedBy: english.raisedBy });
    const issueCy = await raise(http, { raisedBy: welsh.raisedBy });
    const [en] = await emailsTo(english.address, 1);
    const [cy] = await emailsTo(welsh.address, 1);
    expect(cy.language).toBe('cy');
    expect(cy.subject).not.toEqual(en.subject.replace(issueEn.reference, issueCy.reference));
    expect(cy.text).toContain(`${BASE}/track/${issueCy.reference}?lang=cy`);
    expect(cy.text).toMatch(/Cyfeirnod|cyfeirnod/);
    expect(cy.text).toContain('Siân Ŵyn');
    expect((await notificationsOf(issueCy))[0]).toMatchObject({ language: 'cy', channel: 'email', status: 'sent' });
  });

  describe('confirm or dispute, by the links in the outcome email', () => {
    const outcomeEmail = async (language: 'en' | 'cy' = 'en') => {
      const { address, raisedBy } = resident(language);
      const issue = await advance(http, await raise(http, { raisedBy }), ['refer', 'resolve', 'feed-back']);
      const emails = await emailsTo(address, 3);
      const email = emails.find((candidate) => linksIn(candidate.text).some((link) => link.includes('action=confirm'))) as ReceivedEmail;
      const links = linksIn(email.text);
      const confirm = new URL(links.find((link) => link.includes('action=confirm')) as string);
      const dispute = new URL(links.find((link) => link.includes('action=dispute')) as string);
      return { issue, address, email, confirm, dispute };
    };
    const answer = (issue: IssueBody, action: 'confirm' | 'dispute', body: Record<string, unknown>) =>
      http.post(`/public/issues/${issue.reference}/${action}`).send(body);

    it('a confirmation through the link records OutcomeConfirmed by the resident, once: the link then refuses', async () => {
      const { issue, confirm, dispute } = await outcomeEmail();
      expect(confirm.pathname).toBe(`/track/${issue.reference}`);
      const token = confirm.searchParams.get('token') as string;
      expect(dispute.searchParams.get('token')).toBe(token);
      // The link opens the tracker page for the resident.
      expect((await http.get(`${confirm.pathname}${confirm.search}`)).status).toBe(200);

      const first = await answer(issue, 'confirm', { token });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ reference: issue.reference, status: 'fedBack' });
      const again = await answer(issue, 'confirm', { token });
      expect(again.status).toBe(403);
      expect(again.body.message).toMatch(/already been used/);
      const disputeAfter = await answer(issue, 'dispute', { token, reason: 'Changed my mind.' });
      expect(disputeAfter.status).toBe(403);

      const history = await http.get(`/issues/${issue.id}/timeline`).set('Authorization', manager);
      const confirmed = (history.body as { type: string; actor: { id: string; role: string } }[]).filter((step) => step.type === 'OutcomeConfirmed');
      expect(confirmed).toHaveLength(1);
      expect(confirmed[0].actor).toMatchObject({ id: 'resident', role: 'resident' });
      const kpis = await http.get('/kpis').set('Authorization', manager);
      expect(kpis.status).toBe(200);
    });

    it('a dispute through the link records the reason and reopens the issue, and the resident is told', async () => {
      const { issue, address, dispute } = await outcomeEmail();
      const token = dispute.searchParams.get('token') as string;
      const response = await answer(issue, 'dispute', { token, reason: 'The pothole is still there by the church.' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ reference: issue.reference, status: 'logged' });
      const view = await http.get(`/issues/${issue.id}`).set('Authorization', manager);
      expect(view.body).toMatchObject({ status: 'logged', version: issue.version + 2 });
      const history = (await http.get(`/issues/${issue.id}/timeline`).set('Authorization', manager)).body as { type: string; note?: string; actor: { id: string } }[];
      expect(history.slice(-2).map((step) => [step.type, step.actor.id])).toEqual([
        ['OutcomeDisputed', 'resident'],
        ['IssueReopened', 'resident'],
      ]);
      expect(history[history.length - 2].note).toBe('The pothole is still there by the church.');
      // The reopening is a resident-facing step: its email says why.
      const emails = await emailsTo(address, 4);
      expect(emails[3].text).toContain('The pothole is still there by the church.');
      expect((await answer(issue, 'dispute', { token, reason: 'Again.' })).status).toBe(403);
    });

    it('refuses a forged, an expired, another issue\'s link, and a bad body; records nothing', async () => {
      const { issue, confirm } = await outcomeEmail();
      const other = await outcomeEmail();
      const token = confirm.searchParams.get('token') as string;
      const [header, payload, signature] = token.split('.');
      const forgedSignature = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
      expect((await answer(issue, 'confirm', { token: `${header}.${payload}.${forgedSignature}` })).status).toBe(403);
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string; jti: string; ref: string };
      const wrongKey = new ResidentLinks('not-the-secret').sign({ issueId: claims.sub, reference: claims.ref, tokenId: claims.jti, issuedAt: new Date() });
      expect((await answer(issue, 'confirm', { token: wrongKey })).status).toBe(403);
      const expired = new ResidentLinks(JWT_SECRET).sign({ issueId: claims.sub, reference: claims.ref, tokenId: claims.jti, issuedAt: new Date(Date.now() - 61 * 86_400_000) });
      const refusedExpired = await answer(issue, 'confirm', { token: expired });
      expect(refusedExpired.status).toBe(403);
      expect(refusedExpired.body.message).toMatch(/expired/);
      expect((await answer(other.issue, 'confirm', { token })).status).toBe(403);
      expect((await answer(issue, 'dispute', { token })).status).toBe(400);
      expect((await answer(issue, 'confirm', {})).status).toBe(400);
      expect((await http.post('/public/issues/TROW-2099-99999/confirm').send({ token })).status).toBe(404);
      const view = await http.get(`/issues/${issue.id}`).set('Authorization', manager);
      expect(view.body.version).toBe(issue.version);
      // The genuine link still works after all that.
      expect((await answer(issue, 'confirm', { token })).status).toBe(200);
    });

    it('staff record what a resident said by phone; the command is refused to roles other than area managers', async () => {
      const { raisedBy } = resident('en');
      const issue = await advance(http, await raise(http, { raisedBy }), ['refer', 'resolve', 'feed-back']);
      expect(issue.allowedCommands).toContain('record-confirmation');
      const refused = await command(http, issue, 'record-confirmation', { confirmed: true, channel: 'phone' }, officer);
      expect(refused.status).toBe(403);
      const byEmail = await command(http, issue, 'record-confirmation', { confirmed: true, channel: 'email' }, manager);
      expect(byEmail.status).toBe(400);
      const missingReason = await command(http, issue, 'record-confirmation', { confirmed: false, channel: 'phone' }, manager);
      expect(missingReason.status).toBe(400);
      const disputed = await command(http, issue, 'record-confirmation', { confirmed: false, reason: 'Told us on the phone it is back.', channel: 'phone' }, manager);
      expect(disputed.status).toBe(200);
      expect(disputed.body).toMatchObject({ status: 'logged', version: issue.version + 2 });
      const history = (await http.get(`/issues/${issue.id}/timeline`).set('Authorization', manager)).body as { type: string; actor: { id: string } }[];
      expect(history.slice(-2).map((step) => [step.type, step.actor.id])).toEqual([
        ['OutcomeDisputed', 'areaManager-e2e'],
        ['IssueReopened', 'areaManager-e2e'],
      ]);
    });
  });

  it('tries again after a 4xx, backing off, and marks an email failed only after a permanent 5xx', async () => {
    const retry = resident('en');
    const bounce = resident('en');
    sink.rule = (recipient, attempt) => {
      if (recipient === retry.address && attempt <= 2) return { code: 451 };
      if (recipient === bounce.address) return { code: 550 };
      return undefined;
    };
    const retried = await raise(http, { raisedBy: retry.raisedBy });
    const bounced = await raise(http, { raisedBy: bounce.raisedBy });
    await emailsTo(retry.address, 1);
    expect(sink.tries.get(retry.address)).toBe(3);
    expect(await notificationsOf(retried)).toEqual([expect.objectContaining({ status: 'sent', attempts: 3 })]);
    const [failed] = await eventually(async () => {
      const rows = await notificationsOf(bounced);
      expect(rows[0]).toMatchObject({ status: 'failed', attempts: 1 });
      return rows;
    }, 10_000);
    expect(failed.lastError).toMatch(/550/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.tries.get(bounce.address)).toBe(1);
    expect(sink.to(bounce.address)).toHaveLength(0);
  });

  it('sends nothing more to a resident whose personal data was erased: what was pending is cancelled', async () => {
    const erased = resident('en');
    let issue = await raise(http, { raisedBy: erased.raisedBy });
    await emailsTo(erased.address, 1);
    // The next one cannot get through yet: it stays pending, retrying.
    sink.rule = (recipient) => (recipient === erased.address ? { code: 421 } : undefined);
    issue = await advance(http, issue, ['refer']);
    await eventually(async () => expect((await notificationsOf(issue))[1]).toMatchObject({ status: 'pending', attempts: expect.any(Number) }), 5_000);
    const erase = await http.post(`/issues/${issue.id}/erase-personal-data`).set('Authorization', admin).send({});
    expect(erase.status).toBe(200);
    await eventually(async () => expect((await notificationsOf(issue)).map((n) => n.status)).toEqual(['sent', 'cancelled']), 5_000);
    sink.rule = () => undefined;
    const view = await http.get(`/issues/${issue.id}`).set('Authorization', manager);
    await advance(http, view.body as IssueBody, ['resolve', 'feed-back']);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.to(erased.address)).toHaveLength(1);
    expect((await notificationsOf(issue)).map((n) => n.status)).toEqual(['sent', 'cancelled']);
  });

  it('with no email, a letter in the print queue (its PDF says what the email would); with neither, a call task', async () => {
    const postalAddress = `${tag()} Mulberry Close\nTrowbridge\nBA14 8AB`;
    const letterIssue = await raise(http, { raisedBy: { name: 'Gwen Letter', postalAddress } });
    const callIssue = await raise(http, { raisedBy: { name: 'Carl Caller', phone: '01225 111222' } });
    const [letter] = await eventually(async () => {
      const rows = await notificationsOf(letterIssue);
      expect(rows).toEqual([expect.objectContaining({ event: 'IssueLogged', channel: 'letter', status: 'pending', attempts: 0 })]);
      return rows;
    });
    const queue = await http.get('/letters?status=pending').set('Authorization', manager);
    expect(queue.status).toBe(200);
    expect(queue.body).toContainEqual({ id: letter.id, notificationId: letter.id, issueId: letterIssue.id, reference: letterIssue.reference, status: 'pending', createdAt: expect.any(String) });

    const pdf = await http.get(`/letters/${letter.id}.pdf`).set('Authorization', manager).buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    const dir = mkdtempSync(join(tmpdir(), 'letter-'));
    try {
      writeFileSync(join(dir, 'letter.pdf'), pdf.body as Buffer);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Gwen Letter');
      for (const line of postalAddress.split('\n')) expect(text).toContain(line);
      expect(text).toContain(letterIssue.reference);
      expect(text).toContain(`${BASE}/track/${letterIssue.reference}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const calls = await eventually(async () => {
      const response = await http.get('/notifications?channel=phone&status=pending').set('Authorization', manager);
      expect(response.status).toBe(200);
      const mine = (response.body as (NotificationBody & { issueId: string })[]).filter((row) => row.issueId === callIssue.id);
      expect(mine).toEqual([expect.objectContaining({ event: 'IssueLogged', channel: 'phone', status: 'pending' })]);
      return mine;
    });
    // Staff of another area neither see it nor mark it.
    const elsewhere = bearer('areaManager', ['melksham']);
    const theirs = await http.get('/letters?status=pending').set('Authorization', elsewhere);
    expect((theirs.body as { id: string }[]).map((row) => row.id)).not.toContain(letter.id);
    expect((await http.post(`/notifications/${letter.id}/done`).set('Authorization', elsewhere)).status).toBe(403);
    expect((await http.get(`/letters/${letter.id}.pdf`).set('Authorization', elsewhere)).status).toBe(403);
    // Staff post the letter and make the call: done, and off the queues.
    for (const id of [letter.id, calls[0].id]) {
      const done = await http.post(`/notifications/${id}/done`).set('Authorization', manager);
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id, status: 'done', doneBy: 'areaManager-e2e' });
    }
    const after = await http.get('/letters?status=pending').set('Authorization', manager);
    expect((after.body as { id: string }[]).map((row) => row.id)).not.toContain(letter.id);
    // An email is never marked done by hand; an unknown one is 404; staff of another area are refused.
    const emailed = await raise(http, { raisedBy: resident('en').raisedBy });
    const [email] = await eventually(async () => {
      const rows = await notificationsOf(emailed);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect((await http.post(`/notifications/${email.id}/done`).set('Authorization', manager)).status).toBe(422);
    expect((await http.post('/notifications/00000000-0000-4000-8000-000000000000/done').set('Authorization', manager)).status).toBe(404);
  });
});
