import { ISSUE_COMMAND_NAMES, ISSUE_STATUSES } from '@app/lifecycle';
import { CONTRACT } from '@app/lifecycle/testing/contractTable';
import { PATH_TO } from '@app/lifecycle/testing/fixtures';
import { admin, advance, auditor, command, type IssueBody, raise } from './support/issueRequests';
import { STORES, useTestApp } from './support/testApp';

describe.each(STORES)('the lifecycle over HTTP, on %s', (kind) => {
  const api = useTestApp(kind);

  const issueIn = async (status: (typeof ISSUE_STATUSES)[number]) => advance(api.http, await raise(api.http), PATH_TO[status]);

  it('takes an issue from a resident online to feedback, reopened, through the board and a roundtable', async () => {
    const logged = await raise(api.http);
    expect(logged).toMatchObject({ status: 'logged', version: 1, channel: 'online' });
    expect(logged.reference).toMatch(/^TROW-\d{4}-\d{5}$/);

    const steps: Array<[string, string]> = [
      ['assign', 'logged'],
      ['refer', 'referred'],
      ['resolve', 'resolved'],
      ['feed-back', 'fedBack'],
      ['reopen', 'logged'],
      ['board-review', 'boardReview'],
      ['roundtable', 'roundtable'],
      ['notes', 'roundtable'],
      ['resolve', 'resolved'],
      ['feed-back', 'fedBack'],
    ];
    let issue: IssueBody = logged;
    for (const [name, status] of steps) {
      const response = await command(api.http, issue, name);
      expect({ name, status: response.status, body: response.body }).toMatchObject({ name, status: 200, body: { status } });
      expect(response.body.version).toBe(issue.version + 1);
      issue = response.body;
    }
    const read = await api.http.get(`/issues/${issue.id}`).set('Authorization', auditor).expect(200);
    expect(read.body).toEqual(issue);
  });

  it('shows the full issue read model, including what the resident gave', async () => {
    const logged = await raise(api.http);
    const resolved = await advance(api.http, logged, ['refer', 'assign', 'resolve', 'feed-back']);
    const { body } = await api.http.get(`/issues/${logged.id}`).set('Authorization', admin).expect(200);
    expect(body).toEqual({
      id: logged.id,
      reference: logged.reference,
      title: 'Pothole on Castle Street',
      description: 'A deep pothole outside number 12, a danger to cyclists.',
      category: 'highways',
      areaId: 'trowbridge',
      channel: 'online',
      status: 'fedBack',
      version: 5,
      loggedAt: logged.loggedAt,
      updatedAt: resolved.updatedAt,
      raisedBy: { name: 'Ada Resident', email: 'ada@example.org', phone: '01225 000000' },
      location: { lat: 51.3192, lng: -2.2083, address: '12 Castle Street, Trowbridge' },
      serviceProvider: 'Wiltshire Highways',
      officer: 'officer-42',
      dueBy: '2027-01-15',
      outcome: 'Resurfaced on 12 December.',
      resolvedAt: expect.any(String),
      fedBackAt: expect.any(String),
      allowedCommands: ['reopen', 'notes', 'record-confirmation'],
      workflowVersion: 2,
      policyVersion: '2026-1',
      // All met: each step was taken the day the issue was logged.
      deadlines: [
        { kind: 'acknowledge', dueAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), workingDays: 2, pausedDays: 0, state: 'met' },
        { kind: 'resolve', dueAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), workingDays: 10, pausedDays: 0, state: 'met' },
        { kind: 'feedBack', dueAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), workingDays: 5, pausedDays: 0, state: 'met' },
      ],
    });
  });

  it('finds an issue by its reference as well as its id, for reads and commands', async () => {
    const logged = await raise(api.http);
    const byReference = await api.http.get(`/issues/${logged.reference}`).set('Authorization', auditor).expect(200);
    expect(byReference.body).toEqual(logged);
    const referred = await command(api.http, { id: logged.reference, version: 1 }, 'refer').expect(200);
    expect(referred.body).toMatchObject({ id: logged.id, status: 'referred', version: 2 });
    await api.http.get('/issues/TROW-1999-99999').set('Authorization', auditor).expect(404);
    await command(api.http, { id: 'TROW-1999-99999', version: 1 }, 'refer').expect(404);
  });

  describe.each(ISSUE_STATUSES)('an issue in %s', (status) => {
    const accepted = ISSUE_COMMAND_NAMES.filter((name) => CONTRACT[name].from.includes(status));
    const refused = ISSUE_COMMAND_NAMES.filter((name) => !CONTRACT[name].from.includes(status));

    if (accepted.length > 0) {
      it.each(accepted)('accepts %s', async (name) => {
        const issue = await issueIn(status);
        const response = await command(api.http, issue, name);
        const to = CONTRACT[name].to;
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ status: to === 'unchanged' ? status : to, version: issue.version + 1 });
      });
    }

    it(`refuses ${refused.join(', ')} with 422, its status and what it allows`, async () => {
      const issue = await issueIn(status);
      for (const name of refused) {
        const response = await command(api.http, issue, name, {}, admin);
        expect({ name, status: response.status, body: response.body }).toEqual({
          name,
          status: 422,
          body: expect.objectContaining({ statusCode: 422, status, allowedCommands: accepted }),
        });
      }
      const after = await api.http.get(`/issues/${issue.id}`).set('Authorization', admin).expect(200);
      expect(after.body.version).toBe(issue.version);
    });
  });
});
